package com.livestormconnect.sandbox;

import static com.livestormconnect.sandbox.OAuthDance.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox's webhook deliveries over real HTTP, to a receiver on 127.0.0.1 in the test: a change
 * made through the API arrives signed, in the API's shape; failures are retried as the sandbox
 * clock moves; the fifth failed retry disables the subscription; other URLs are refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SandboxWebhooksIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.app(SandboxWebhooksIT.class, OAuthDance.class);
  }

  /** One post the receiver got: its path, raw body and signature header. */
  record Received(String path, byte[] body, String signature) {}

  private final OAuthDance dance = new OAuthDance(new Browser());
  private final SandboxControl control = new SandboxControl(dance.browser.base());
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer receiver;
  private String token;

  @BeforeEach
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          received.add(
              new Received(
                  path,
                  exchange.getRequestBody().readAllBytes(),
                  exchange.getRequestHeaders().getFirst("x-livestorm-signature")));
          exchange.sendResponseHeaders(path.startsWith("/failing") ? 500 : 204, -1);
          exchange.close();
        });
    receiver.start();
    control.resetWebhooks();
    token = dance.accessToken("events:write webhooks:write");
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    control.resetWebhooks();
    control.resetVariants();
  }

  private String receiverUrl(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  private String subscribe(String url, String event) {
    HttpResponse<String> created =
        dance.api(
            "POST",
            "/webhooks",
            token,
            "{\"data\":{\"type\":\"webhooks\",\"attributes\":{\"url\":\""
                + url
                + "\",\"event\":\""
                + event
                + "\"}}}");
    assertEquals(201, created.statusCode(), created.body());
    return (String) ((Map<?, ?>) json(created).get("data")).get("id");
  }

  private List<Received> receivedAt(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static JsonObject parse(byte[] body) {
    return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
        .readObject();
  }

  private static JsonObject parse(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static String sha256Hex(String text, byte[] body) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update(body);
    return HexFormat.of().formatHex(digest.digest());
  }

  @Test
  void aRegistrationArrivesSignedWithThePersonAsTheApiShowsIt() throws Exception {
    String subscription = subscribe(receiverUrl("/registered"), "people.registered");
    String session =
        (String)
            ((Map<?, ?>)
                    ((List<?>)
                            json(dance.api("/sessions?filter[status]=upcoming", token)).get("data"))
                        .get(0))
                .get("id");
    String email = "hook-" + UUID.randomUUID() + "@example.com";
    HttpResponse<String> registered =
        dance.api(
            "POST",
            "/sessions/" + session + "/people",
            token,
            "{\"data\":{\"type\":\"people\",\"attributes\":{\"fields\":[{\"id\":\"email\",\"value\":\""
                + email
                + "\"},{\"id\":\"first_name\",\"value\":\"Zoë\"},{\"id\":\"last_name\",\"value\":\"Hook\"},{\"id\":\"company\",\"value\":\"Acme\"}]}}}");
    assertEquals(201, registered.statusCode(), registered.body());

    awaitTrue(() -> receivedAt("/registered").size() == 1, "the registration is delivered");
    Received delivery = receivedAt("/registered").get(0);

    String[] signature = delivery.signature().split(",");
    assertEquals(2, signature.length, delivery.signature());
    assertTrue(signature[1].matches("[0-9a-f]{64}"), delivery.signature());
    assertTrue(
        Math.abs(Long.parseLong(signature[0]) - System.currentTimeMillis() / 1000) < 300,
        "the timestamp is the wall clock's");
    assertEquals(
        sha256Hex(signature[0] + control.webhookSecret(), delivery.body()),
        signature[1],
        "hex(sha256(timestamp + secret + raw body))");

    JsonObject data = parse(delivery.body()).getJsonObject("data");
    JsonObject webhook = data.getJsonObject("meta").getJsonObject("webhook");
    assertEquals("people.registered", webhook.getString("event"));
    String organization =
        parse(dance.api("/organization", dance.accessToken("identity:read")).body()).toString();
    assertTrue(
        organization.contains(webhook.getString("organization_id")),
        "organization_id is the workspace's id: " + organization);
    JsonObject listed =
        parse(
                dance
                    .api(
                        "/sessions/" + session + "/people?filter[email]=" + OAuthDance.enc(email),
                        token)
                    .body())
            .getJsonArray("data")
            .getJsonObject(0);
    assertEquals(
        listed,
        Json.createObjectBuilder(data).remove("meta").build(),
        "the body's data is the person as GET /sessions/{id}/people shows it");
    assertEquals(
        session,
        data.getJsonObject("attributes")
            .getJsonObject("registrant_detail")
            .getString("session_id"));

    JsonObject subscriptions = control.webhookSubscriptions();
    assertTrue(subscriptions.toString().contains(subscription), subscriptions.toString());
    assertEquals(204, dance.api("DELETE", "/webhooks/" + subscription, token, null).statusCode());
  }

  @Test
  void failuresAreRetriedAsTheSandboxClockMovesAndTheFifthFailedRetryDisables() {
    String subscription = subscribe(receiverUrl("/failing"), "event.created");
    String event = "{\"data\":{\"type\":\"events\",\"attributes\":{\"title\":\"Hooked\"}}}";
    assertEquals(201, dance.api("POST", "/events", token, event).statusCode());
    awaitTrue(() -> receivedAt("/failing").size() == 1, "the first attempt is made");

    long[] delays = {30, 60, 150, 360, 720};
    for (int retry = 1; retry <= delays.length; retry++) {
      int attempts = retry;
      awaitTrue(
          () -> control.webhookDeliveries().getJsonArray("retries").size() == 1,
          "retry " + attempts + " is scheduled");
      assertEquals(attempts, receivedAt("/failing").size(), "nothing is sent before it is due");
      control.advanceClock(delays[retry - 1]);
      control.runDueWebhookRetries();
      awaitTrue(
          () -> receivedAt("/failing").size() == attempts + 1, "retry " + attempts + " is sent");
    }

    List<JsonObject> attempts =
        control.webhookDeliveries().getJsonArray("deliveries").stream()
            .map(v -> v.asJsonObject())
            .filter(a -> a.getString("subscription_id").equals(subscription))
            .toList();
    assertEquals(6, attempts.size(), attempts.toString());
    for (int i = 0; i < 5; i++) {
      JsonObject a = attempts.get(i);
      assertEquals(i + 1, a.getInt("attempt"));
      assertEquals(500, a.getInt("status"));
      assertEquals(
          delays[i],
          a.getJsonNumber("retry_at").longValue() - a.getJsonNumber("at").longValue(),
          "retry " + (i + 1) + " is scheduled on Livestorm's schedule");
      assertFalse(a.getBoolean("disabled"));
    }
    assertTrue(attempts.get(5).getBoolean("disabled"), attempts.get(5).toString());
    JsonObject state =
        control.webhookSubscriptions().getJsonArray("subscriptions").stream()
            .map(v -> v.asJsonObject())
            .filter(s -> s.getString("id").equals(subscription))
            .findFirst()
            .orElseThrow();
    assertEquals("disabled", state.getString("state"));
    assertEquals(6, state.getInt("failures"));

    assertEquals(201, dance.api("POST", "/events", token, event).statusCode());
    assertEquals(0, control.webhookDeliveries().getInt("queued"));
    assertEquals(6, receivedAt("/failing").size(), "a disabled subscription gets nothing more");

    assertTrue(dance.api("/webhooks?page[size]=50", token).body().contains(subscription));
    control.variants(Map.of("disabled_webhooks", "hidden"));
    assertFalse(dance.api("/webhooks?page[size]=50", token).body().contains(subscription));
    assertEquals(204, dance.api("DELETE", "/webhooks/" + subscription, token, null).statusCode());
  }

  @Test
  void onlyLoopbackOrTheAppsOwnOriginAreAccepted() {
    String body =
        "{\"data\":{\"type\":\"webhooks\",\"attributes\":{\"url\":\"https://hooks.example.com/in\",\"event\":\"session.ended\"}}}";
    HttpResponse<String> refused = dance.api("POST", "/webhooks", token, body);
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("loopback"), refused.body());
    String own =
        subscribe(dance.browser.base() + "/webhooks/livestorm/some-token", "session.ended");
    assertEquals(204, dance.api("DELETE", "/webhooks/" + own, token, null).statusCode());
  }

  @Test
  void theConsentPageShowsTheSigningSecret() {
    HttpResponse<String> page = dance.consentPage("events:read", Map.of());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains(control.webhookSecret()), page.body());
  }

  @Test
  void aSessionEndedThroughTheControlsDeliversTheSessionAndEachPersonsAttendance() {
    subscribe(receiverUrl("/ended"), "session.ended");
    subscribe(receiverUrl("/attended"), "people.attended");
    subscribe(receiverUrl("/not-attended"), "people.not_attended");
    String event = control.createEvent("Hooked live", true).getJsonObject("event").getString("id");
    String session = control.createSession(event, 60).getJsonObject("session").getString("id");
    control.register(session, 4);
    control.startSession(session);
    control.endSession(session, 50);

    awaitTrue(
        () ->
            receivedAt("/ended").size() == 1
                && receivedAt("/attended").size() + receivedAt("/not-attended").size() == 4,
        "the session and its four registrants are delivered");
    JsonObject ended = parse(receivedAt("/ended").get(0).body()).getJsonObject("data");
    assertEquals(session, ended.getString("id"));
    assertEquals(
        "session.ended", ended.getJsonObject("meta").getJsonObject("webhook").getString("event"));
    for (String path : List.of("/attended", "/not-attended")) {
      for (Received delivery : receivedAt(path)) {
        JsonObject detail =
            parse(delivery.body())
                .getJsonObject("data")
                .getJsonObject("attributes")
                .getJsonObject("registrant_detail");
        assertEquals(session, detail.getString("session_id"));
        assertEquals(path.equals("/attended"), detail.getBoolean("attended"), path);
      }
    }
    control.deleteEvent(event);
  }
}
