package com.livestormconnect.webhook;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the inbox after the receiver has answered, on the server's managed threads: woken by each
 * stored delivery, and every few seconds to pick up rows another node stored or left behind (its
 * lease ran out). One drain runs at a time on a node; nodes share rows through their claims. A row
 * that fails is tried again later, with a growing delay, and given up after {@link #MAX_ATTEMPTS}
 * (the scheduled sync still catches the change).
 */
@ApplicationScoped
public class InboxWorker {
  static final Duration LEASE = Duration.ofMinutes(1);
  static final int BATCH = 20;
  static final int MAX_ATTEMPTS = 8;

  private static final Logger LOG = Logger.getLogger(InboxWorker.class.getName());

  @Resource ManagedScheduledExecutorService executor;

  @Inject Inbox inbox;

  @Inject InboxApplier applier;

  @Inject Clock clock;

  /** This node, as named in its claims. */
  private final String node = UUID.randomUUID().toString();

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    executor.scheduleWithFixedDelay(this::wake, 5, 5, TimeUnit.SECONDS);
    executor.scheduleWithFixedDelay(this::purge, 10, 60 * 60, TimeUnit.SECONDS);
  }

  /** Something may wait in the inbox: drain it soon, on a managed thread. */
  public void wake() {
    again.set(true);
    if (draining.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException e) {
        draining.set(false); // shutting down; the next node or start picks the rows up
      }
    }
  }

  private void drain() {
    try {
      while (again.getAndSet(false)) {
        List<Inbox.Pending> batch;
        while (!(batch = inbox.claim(node, clock.instant(), LEASE, BATCH)).isEmpty()) {
          batch.forEach(this::process);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Draining the webhook inbox failed", e);
    } finally {
      draining.set(false);
    }
    if (again.get()) {
      wake();
    }
  }

  private void process(Inbox.Pending row) {
    try {
      applier.apply(row, node);
    } catch (RuntimeException e) {
      String problem = e.getClass().getSimpleName();
      Instant now = clock.instant();
      if (row.attempts() >= MAX_ATTEMPTS) {
        LOG.warning(() -> "Gave up on webhook delivery " + row.id() + ": " + problem);
        inbox.done(row.id(), node, "gave up: " + problem, now);
      } else {
        Duration delay = Duration.ofSeconds(5L << Math.min(row.attempts(), 8));
        inbox.release(row.id(), node, problem, now.plus(delay));
      }
    }
  }

  private void purge() {
    try {
      inbox.purge(clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Purging the webhook inbox failed", e);
    }
  }
}
