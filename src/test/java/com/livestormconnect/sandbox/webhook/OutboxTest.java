package com.livestormconnect.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.sandbox.SandboxClock;
import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.data.Change;
import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.data.Webhook;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox against a receiver on 127.0.0.1, without a container (deliveries are sent on the
 * test's thread): the body and signature, the retries on the sandbox clock, the disabling.
 */
class OutboxTest {
  /** One delivery body seen by the receiver, with its signature header. */
  record Received(String body, String signature) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(500);
  private HttpServer receiver;
  private Outbox outbox;
  private SandboxClock clock;

  @BeforeEach
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  new String(body, StandardCharsets.UTF_8),
                  exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER)));
          exchange.sendResponseHeaders(answer.get(), -1);
          exchange.close();
        });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    Webhook hook = new Webhook("w1", url, "event.created", 0, 0);
    clock = new SandboxClock();
    clock.freeze(true);
    outbox = new Outbox();
    outbox.store =
        new SandboxStore() {
          @Override
          public List<Webhook> webhooks() {
            return List.of(hook);
          }
        };
    outbox.clock = clock;
    outbox.variants = new SandboxVariants();
    outbox.states = new SubscriptionStates();
    outbox.secret = new WebhookSecret();
    outbox.secret.replace("s3cret");
    outbox.faults = new DeliveryFaults();
    outbox.views =
        new ResourceViews() {
          @Override
          public Optional<Map<String, Object>> event(String eventId) {
            return Optional.of(
                Map.of("id", eventId, "type", "events", "attributes", Map.of("title", "Zoë")));
          }

          @Override
          public Optional<Map<String, Object>> session(String sessionId) {
            return Optional.empty();
          }

          @Override
          public Optional<Map<String, Object>> person(String sessionId, String personId) {
            return Optional.empty();
          }
        };
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  @Test
  void aSignedDeliveryCarriesTheResourceWithTheEventAndOrganization() {
    answer.set(204);
    outbox.changed("event.created", "org-1", "e1", null);

    assertEquals(1, received.size());
    Received delivery = received.get(0);
    assertEquals(
        json(
            "{\"data\":{\"id\":\"e1\",\"type\":\"events\",\"attributes\":{\"title\":\"Zoë\"},"
                + "\"meta\":{\"webhook\":{\"event\":\"event.created\",\"organization_id\":\"org-1\"}}}}"),
        json(delivery.body()));
    String[] parts = delivery.signature().split(",");
    assertEquals(2, parts.length);
    assertEquals(
        WebhookSignature.hex(
            Long.parseLong(parts[0]), "s3cret", delivery.body().getBytes(StandardCharsets.UTF_8)),
        parts[1]);
    assertEquals("delivered", outbox.attempts().get(0).outcome());
  }

  @Test
  void onlyChangesLivestormSendsAWebhookForAreDelivered() {
    answer.set(200);
    outbox.changed(new Change("event.updated", "org-1", "e1", null, null, 0));
    assertEquals(0, received.size());
    outbox.changed(new Change("event.created", "org-1", "e1", null, null, 0));
    assertEquals(1, received.size());
  }

  @Test
  void unsignedWhenTheVariantSaysNone() {
    answer.set(200);
    outbox.variants.set("webhook_signature", "none");
    outbox.changed("event.created", "org-1", "e1", null);
    assertEquals(1, received.size());
    assertNull(received.get(0).signature());
  }

  @Test
  void failuresAreRetriedOnTheSandboxClockAndTheFifthFailedRetryDisables() {
    outbox.changed("event.created", "org-1", "e1", null);
    assertEquals(1, received.size());
    long[] delays = {30, 60, 150, 360, 720};
    for (int retry = 1; retry <= 5; retry++) {
      clock.advance(Duration.ofSeconds(delays[retry - 1] - 1));
      assertEquals(0, outbox.runDueRetries(), "retry " + retry + " is not due yet");
      assertFalse(outbox.states.disabled("w1"));
      clock.advance(Duration.ofSeconds(1));
      assertEquals(1, outbox.runDueRetries(), "retry " + retry + " is due");
      assertEquals(retry + 1, received.size());
    }
    DeliveryAttempt last = outbox.attempts().get(outbox.attempts().size() - 1);
    assertEquals(6, last.attempt());
    assertEquals(500, last.status());
    assertTrue(last.disabled());
    assertNull(last.retryAt());
    assertTrue(outbox.states.disabled("w1"));
    assertEquals(6, outbox.states.of("w1").failures());
    assertTrue(outbox.scheduledRetries().isEmpty());

    clock.advance(Duration.ofHours(1));
    answer.set(200);
    outbox.changed("event.created", "org-1", "e2", null);
    assertEquals(0, outbox.runDueRetries());
    assertEquals(6, received.size(), "a disabled subscription gets nothing more");
  }

  @Test
  void aSuccessfulRetryEndsTheRetriesAndResetsTheFailures() {
    outbox.changed("event.created", "org-1", "e1", null);
    answer.set(200);
    clock.advance(Duration.ofSeconds(30));
    assertEquals(1, outbox.runDueRetries());
    assertEquals(2, received.size());
    assertEquals(0, outbox.states.of("w1").failures());
    assertTrue(outbox.scheduledRetries().isEmpty());
  }

  @Test
  void anUnreachableUrlIsAFailureToRetry() {
    receiver.stop(0);
    outbox.changed("event.created", "org-1", "e1", null);
    DeliveryAttempt attempt = outbox.attempts().get(0);
    assertEquals("failed", attempt.outcome());
    assertEquals(0, attempt.status());
    assertEquals(clock.now().getEpochSecond() + 30, attempt.retryAt());
  }

  @Test
  void droppedDeliveriesAreNeverSentAndCopiesAreSentUpToN() {
    answer.set(200);
    outbox.faults.choose(new DeliveryFaults.Chosen(100, 1, false, 0));
    outbox.changed("event.created", "org-1", "e1", null);
    assertEquals(0, received.size());
    assertEquals("dropped", outbox.attempts().get(0).outcome());

    outbox.faults.choose(new DeliveryFaults.Chosen(0, 3, false, 0));
    for (int i = 0; i < 20; i++) {
      outbox.changed("event.created", "org-1", "e" + i, null);
    }
    assertTrue(received.size() >= 20 && received.size() <= 60, "sent " + received.size());
    assertTrue(received.size() > 20, "copies never duplicated a delivery in 20 tries");
  }
}
