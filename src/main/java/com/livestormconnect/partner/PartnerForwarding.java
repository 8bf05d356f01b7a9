package com.livestormconnect.partner;

import com.livestormconnect.config.PartnerSettings;
import com.livestormconnect.copy.CopyChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards each change of the local copy to the partner's service when {@code PARTNER_WEBHOOK_URL}
 * is set. A {@link CopyChanged} (fired once per change, after the copy's commit) is stored as a
 * message at once, then sent from the container's managed threads: right away on the node that
 * stored it, and by every node's poll every {@link #POLL} for retries that fall due and for
 * messages a stopped node left behind. A message is sent by one node at a time (the queue's lease)
 * and retried per {@link RetrySchedule}; when that gives up, or the partner refuses it with a 4xx,
 * it is kept as failed until an administrator replays it.
 *
 * <p>Delivery is at least once: a node that dies between the partner's 2xx and recording it sends
 * the message again after its lease expires, with the same {@code webhook-id}, which is what the
 * Standard Webhooks specification asks receivers to deduplicate on.
 */
@ApplicationScoped
public class PartnerForwarding {
  static final Duration POLL = Duration.ofSeconds(2);
  static final Duration LEASE = Duration.ofMinutes(2);
  static final Duration KEEP_DELIVERED = Duration.ofDays(7);
  static final int BATCH = 20;
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
  private static final Logger LOG = Logger.getLogger(PartnerForwarding.class.getName());

  @Inject PartnerSettings settings;

  @Inject OutboundQueue queue;

  /** The app's clock ({@code token.SystemClock}), which tests may move. */
  @Inject Clock clock;

  @Resource ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  /** This node's name in the leases it writes. */
  private final String node = UUID.randomUUID().toString();

  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicBoolean moreToSend = new AtomicBoolean();
  private final AtomicLong lastPurge = new AtomicLong();
  private final RetrySchedule schedule =
      new RetrySchedule(() -> ThreadLocalRandom.current().nextDouble());
  private volatile PartnerEndpoint endpoint;
  private volatile ScheduledFuture<?> poll;

  /** Starts polling the queue when forwarding is on. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!settings.enabled()) {
      return;
    }
    LOG.info(() -> "Forwarding changes of the local copy to " + settings.url().orElseThrow());
    poll =
        scheduler.scheduleWithFixedDelay(
            this::sendDue, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> p = poll;
    if (p != null) {
      p.cancel(false);
    }
  }

  /**
   * Stores the change as a message (committed before this returns) and starts sending it. Never
   * throws into the code that fired the change: a message that cannot be stored is logged.
   */
  void changed(@Observes CopyChanged change) {
    if (!settings.enabled()) {
      return;
    }
    // Milliseconds, as the table keeps them: the body's timestamp reads the same as the row's.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    PartnerMessage message =
        new PartnerMessage(
            "msg_" + UUID.randomUUID().toString().replace("-", ""),
            change.accountId(),
            ChangePayload.type(change),
            ChangePayload.json(change, now),
            0,
            now,
            now.plus(RetrySchedule.WINDOW));
    try {
      queue.enqueue(message, now);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not queue " + message.eventType() + " for the partner (" + e.getMessage() + ")",
          e);
      return;
    }
    kick();
  }

  /** Sends what is due now on a managed thread, unless this node is sending already. */
  void kick() {
    try {
      executor.execute(this::sendDue);
    } catch (RuntimeException e) {
      // Shutting down, or the pool is full: the next poll sends it.
      LOG.fine(() -> "Partner delivery not started now: " + e);
    }
  }

  /** Sends every due message, one batch after another, until none is due. */
  void sendDue() {
    if (!sending.compareAndSet(false, true)) {
      moreToSend.set(true);
      return;
    }
    try {
      do {
        moreToSend.set(false);
        List<PartnerMessage> batch;
        while (!(batch = queue.claimDue(node, clock.instant(), LEASE, BATCH)).isEmpty()) {
          batch.forEach(this::send);
        }
      } while (moreToSend.get());
      purgeNowAndThen();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Partner delivery stopped until the next poll: " + e.getMessage(), e);
    } finally {
      sending.set(false);
    }
  }

  private void send(PartnerMessage message) {
    Attempt attempt = endpoint().post(message);
    Instant now = clock.instant();
    switch (attempt.verdict()) {
      case DELIVERED -> queue.delivered(message.id(), node, now, attempt.outcome());
      case FAIL -> {
        queue.failed(message.id(), node, now, attempt.outcome());
        LOG.warning(
            () ->
                "The partner refused "
                    + message.id()
                    + " ("
                    + attempt.outcome()
                    + "); kept as failed, replay it from /admin/partner-webhooks");
      }
      case RETRY -> {
        Optional<Instant> next =
            schedule.next(message.attempts() + 1, now, message.retryUntil(), attempt.retryAfter());
        if (next.isPresent()) {
          queue.retryAt(message.id(), node, now, next.get(), attempt.outcome());
          LOG.fine(() -> "Partner delivery of " + message.id() + " retried at " + next.get());
        } else {
          queue.failed(message.id(), node, now, attempt.outcome());
          LOG.warning(
              () ->
                  "Gave up delivering "
                      + message.id()
                      + " to the partner after 24 hours ("
                      + attempt.outcome()
                      + "); kept as failed");
        }
      }
    }
  }

  private PartnerEndpoint endpoint() {
    PartnerEndpoint e = endpoint;
    if (e == null) {
      synchronized (this) {
        if (endpoint == null) {
          endpoint =
              new PartnerEndpoint(
                  settings.url().orElseThrow(),
                  new Signature(settings.secret().orElseThrow()),
                  clock);
        }
        e = endpoint;
      }
    }
    return e;
  }

  private void purgeNowAndThen() {
    long now = clock.millis();
    long last = lastPurge.get();
    if (now - last < PURGE_EVERY.toMillis() || !lastPurge.compareAndSet(last, now)) {
      return;
    }
    int purged = queue.purgeDelivered(clock.instant().minus(KEEP_DELIVERED));
    if (purged > 0) {
      LOG.fine(() -> "Deleted " + purged + " partner messages delivered over a week ago");
    }
  }

  /** How forwarding is doing, over every node. */
  public PartnerHealth health() {
    return queue.health(settings.enabled(), clock.instant());
  }

  /** The most recent failed messages, newest first. */
  public List<FailedMessage> failedMessages(int limit) {
    return queue.failedMessages(limit);
  }

  /** Sends a failed message again (same id and body); false when it is no longer failed. */
  public boolean replay(String id) {
    boolean replayed = queue.replay(id, clock.instant());
    if (replayed) {
      kick();
    }
    return replayed;
  }

  /** Sends every failed message again; returns how many. */
  public int replayAllFailed() {
    int replayed = queue.replayAllFailed(clock.instant());
    if (replayed > 0) {
      kick();
    }
    return replayed;
  }
}
