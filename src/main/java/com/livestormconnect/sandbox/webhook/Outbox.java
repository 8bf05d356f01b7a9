package com.livestormconnect.sandbox.webhook;

import com.livestormconnect.sandbox.SandboxClock;
import com.livestormconnect.sandbox.SandboxSettings;
import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.data.Change;
import com.livestormconnect.sandbox.data.ChangeListener;
import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.data.Webhook;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the workspace's changes to its subscriptions. Each change becomes one delivery per matching
 * active subscription, queued and posted one at a time on a managed thread, in order (or shuffled,
 * by fault); a failed attempt is queued again for when {@link RetrySchedule} says, on the sandbox
 * clock, and the last failure disables the subscription. Due retries are sent by a managed
 * scheduled task every few seconds, or at once through the control, so tests move the clock and
 * need not wait.
 */
@ApplicationScoped
public class Outbox {
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  /** Enough for a receiver on the same machine; a slow one must not hold the queue for long. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

  /** With shuffling on, how long the queue fills before the first post, so there is an order. */
  static final long SHUFFLE_GATHER_MILLIS = 200;

  /** The attempts the controls keep, newest last. */
  static final int LOG_SIZE = 2_000;

  @Inject SandboxStore store;

  @Inject SandboxClock clock;

  @Inject SandboxVariants variants;

  @Inject SubscriptionStates states;

  @Inject WebhookSecret secret;

  @Inject DeliveryFaults faults;

  @Inject ResourceViews views;

  @Resource ManagedExecutorService executor;

  private final Random random = new SecureRandom();

  /** Guards the queue, the scheduled retries, the log and {@link #sending}. */
  private final Object lock = new Object();

  private final Deque<Queued> queue = new ArrayDeque<>();
  private final List<Delivery> retries = new ArrayList<>();
  private final Deque<DeliveryAttempt> log = new ArrayDeque<>();
  private boolean sending;
  private HttpClient http;
  private final ChangeListener listener = this::changed;

  /** A delivery waiting for its turn, and who waits for it to be attempted. */
  private record Queued(Delivery delivery, CompletableFuture<Void> attempted) {}

  /**
   * Listens to the store from deployment on, in every mode: a change costs nothing unsubscribed.
   */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    store.listen(listener);
  }

  @PreDestroy
  void stop() {
    store.stopListening(listener);
    synchronized (lock) {
      queue.clear();
      retries.clear();
    }
  }

  /**
   * A change of the workspace. Those Livestorm sends a webhook for are rendered now, as the API
   * would answer them, and queued as one delivery per active subscription for that event.
   */
  void changed(Change change) {
    if (change.sentByLivestorm()) {
      changed(change.name(), change.organizationId(), change.resourceId(), change.sessionId());
    }
  }

  void changed(String event, String organizationId, String resourceId, String sessionId) {
    List<Webhook> targets =
        store.webhooks().stream()
            .filter(w -> w.event().equals(event) && !states.disabled(w.id()))
            .toList();
    if (targets.isEmpty()) {
      return;
    }
    Optional<byte[]> body = body(event, organizationId, resourceId, sessionId);
    if (body.isEmpty()) {
      return;
    }
    DeliveryFaults.Chosen chosen = faults.current();
    Instant now = clock.now();
    for (Webhook target : targets) {
      Delivery delivery =
          new Delivery(
              UUID.randomUUID().toString(), target.id(), target.url(), event, body.get(), 1, now);
      if (chosen.dropPercent() > 0 && random.nextInt(100) < chosen.dropPercent()) {
        record(delivery, "dropped", 0, "dropped by the drop_percent fault", null, false);
        continue;
      }
      int copies = chosen.copies() <= 1 ? 1 : 1 + random.nextInt(chosen.copies());
      for (int i = 0; i < copies; i++) {
        enqueue(delivery);
      }
    }
  }

  /**
   * The body Livestorm posts: the resource under {@code data}, with the event and the organization
   * in {@code data.meta.webhook}. Empty when the resource is gone already.
   */
  Optional<byte[]> body(String event, String organizationId, String resourceId, String sessionId) {
    Optional<Map<String, Object>> resource =
        switch (event.substring(0, event.indexOf('.') + 1)) {
          case "event." -> views.event(resourceId);
          case "session." -> views.session(resourceId);
          case "people." ->
              sessionId == null ? Optional.empty() : views.person(sessionId, resourceId);
          default -> Optional.empty();
        };
    return resource.map(
        r -> {
          Map<String, Object> data = new LinkedHashMap<>(r);
          Map<String, Object> webhook = new LinkedHashMap<>();
          webhook.put("event", event);
          webhook.put("organization_id", organizationId);
          data.put("meta", Map.of("webhook", webhook));
          return Json.createObjectBuilder(Map.of("data", data))
              .build()
              .toString()
              .getBytes(StandardCharsets.UTF_8);
        });
  }

  private CompletableFuture<Void> enqueue(Delivery delivery) {
    CompletableFuture<Void> attempted = new CompletableFuture<>();
    boolean start;
    synchronized (lock) {
      queue.addLast(new Queued(delivery, attempted));
      start = !sending;
      sending = true;
    }
    if (start) {
      try {
        sender().execute(this::drain);
      } catch (RuntimeException e) {
        // The application is stopping: what is queued stays, like an outage at Livestorm.
        synchronized (lock) {
          sending = false;
        }
        LOG.log(Level.WARNING, "Cannot send webhook deliveries now", e);
      }
    }
    return attempted;
  }

  /**
   * The server's managed threads; a unit test, which has none, sends on its own thread (so {@link
   * #runDueRetries} returns when the retries are done there too).
   */
  private Executor sender() {
    return executor != null ? executor : Runnable::run;
  }

  /** Posts what is queued, one at a time, until the queue is empty. */
  private void drain() {
    if (faults.current().shuffle()) {
      pause(SHUFFLE_GATHER_MILLIS);
    }
    while (true) {
      Queued next;
      synchronized (lock) {
        if (queue.isEmpty()) {
          sending = false;
          return;
        }
        next = faults.current().shuffle() ? takeAny() : queue.pollFirst();
      }
      try {
        long delay = faults.current().delayMillis();
        if (delay > 0) {
          pause(delay);
        }
        attempt(next.delivery());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A webhook delivery failed in the sandbox itself", e);
      } finally {
        next.attempted().complete(null);
      }
    }
  }

  private Queued takeAny() {
    List<Queued> all = new ArrayList<>(queue);
    Queued chosen = all.get(random.nextInt(all.size()));
    queue.remove(chosen);
    return chosen;
  }

  /** One attempt: post, then record it and decide what follows. */
  void attempt(Delivery delivery) {
    boolean subscribed =
        store.webhooks().stream().anyMatch(w -> w.id().equals(delivery.subscriptionId()));
    if (!subscribed || states.disabled(delivery.subscriptionId())) {
      record(delivery, "skipped", 0, subscribed ? "disabled" : "deleted", null, false);
      return;
    }
    Optional<String> refusal =
        DeliveryUrl.refusal(delivery.url(), SandboxSettings.current().appBaseUrl());
    if (refusal.isPresent()) {
      record(delivery, "refused", 0, refusal.get(), null, false);
      return;
    }
    int status = 0;
    String error = null;
    try {
      status = post(delivery);
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    if (status >= 200 && status < 300) {
      states.succeeded(delivery.subscriptionId(), status);
      record(delivery, "delivered", status, null, null, false);
      return;
    }
    states.failed(delivery.subscriptionId(), status);
    Instant failedAt = clock.now();
    Optional<Instant> retryAt = RetrySchedule.retryAfter(delivery.attempt(), failedAt);
    if (retryAt.isPresent()) {
      synchronized (lock) {
        retries.add(delivery.retry(retryAt.get()));
      }
      record(delivery, "failed", status, error, retryAt.get().getEpochSecond(), false);
    } else {
      states.disable(delivery.subscriptionId(), failedAt.getEpochSecond());
      record(delivery, "failed", status, error, null, true);
    }
  }

  private int post(Delivery delivery) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(delivery.url()))
            .timeout(ANSWER_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Livestorm-Sandbox-Webhooks")
            .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    if (variants.is(SandboxVariants.Variant.WEBHOOK_SIGNATURE, "sha256")) {
      // The wall clock, not the sandbox's: the receiver checks the timestamp against its own
      // clock, and a test that moved the sandbox clock to reach a retry must still be believed.
      long timestamp = Instant.now().getEpochSecond();
      request.header(
          WebhookSignature.HEADER,
          WebhookSignature.header(timestamp, secret.current(), delivery.body()));
    }
    return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpClient client() {
    synchronized (lock) {
      if (http == null) {
        HttpClient.Builder builder =
            HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        // In the container the client's threads are managed ones; a unit test has none to give.
        if (executor != null) {
          builder.executor(executor);
        }
        http = builder.build();
      }
      return http;
    }
  }

  /**
   * Queues every retry due on the sandbox clock and waits (up to a minute) until each has been
   * attempted; answers how many there were.
   */
  public int runDueRetries() {
    List<Delivery> due = new ArrayList<>();
    Instant now = clock.now();
    synchronized (lock) {
      retries.removeIf(
          r -> {
            boolean isDue = !r.dueAt().isAfter(now);
            if (isDue) {
              due.add(r);
            }
            return isDue;
          });
    }
    due.sort(Comparator.comparing(Delivery::dueAt));
    List<CompletableFuture<Void>> attempted = due.stream().map(this::enqueue).toList();
    try {
      CompletableFuture.allOf(attempted.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.WARNING, "Due webhook retries did not all finish within a minute", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return due.size();
  }

  private void record(
      Delivery delivery, String outcome, int status, String error, Long retryAt, boolean disabled) {
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            delivery.id(),
            delivery.subscriptionId(),
            delivery.event(),
            delivery.url(),
            delivery.attempt(),
            clock.now().getEpochSecond(),
            outcome,
            status,
            error,
            retryAt,
            disabled);
    synchronized (lock) {
      log.addLast(attempt);
      while (log.size() > LOG_SIZE) {
        log.pollFirst();
      }
    }
  }

  /** The attempts made, oldest first (the last {@value #LOG_SIZE}). */
  public List<DeliveryAttempt> attempts() {
    synchronized (lock) {
      return List.copyOf(log);
    }
  }

  /** Deliveries waiting for their turn now. */
  public int queued() {
    synchronized (lock) {
      return queue.size();
    }
  }

  /** Retries waiting for their time on the sandbox clock: delivery id, attempt, due. */
  public List<Map<String, Object>> scheduledRetries() {
    synchronized (lock) {
      return retries.stream()
          .sorted(Comparator.comparing(Delivery::dueAt))
          .map(
              r ->
                  Map.<String, Object>of(
                      "delivery_id",
                      r.id(),
                      "subscription_id",
                      r.subscriptionId(),
                      "event",
                      r.event(),
                      "attempt",
                      r.attempt(),
                      "due_at",
                      r.dueAt().getEpochSecond()))
          .toList();
    }
  }

  /** Forgets the attempts and the scheduled retries (what is queued still goes out). */
  void clear() {
    synchronized (lock) {
      log.clear();
      retries.clear();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
