package com.livestormconnect.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.standardwebhooks.Webhook;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forwarding to the partner, on Payara Micro (Derby, and PostgreSQL in the build's second run):
 * changes fired as the copy fires them reach a partner service on 127.0.0.1 (a JDK HTTP server in
 * this test's JVM) signed so that the Standard Webhooks library verifies them; a 503 is retried
 * with the same webhook-id; a 400 is kept as failed and sent again from the admin page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PartnerForwardingIT {
  private static final String PASSWORD = "correct horse battery";

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(PartnerAtStub.class, ChangeTrigger.class)
        .addAsResource(
            new StringAsset("url=http://127.0.0.1:" + PartnerStub.port() + "/hooks\n"),
            PartnerAtStub.RESOURCE);
  }

  /** Fires a change of a person whose id is unique to the test, and returns that id. */
  private static String fire(String change) {
    String person = "person-" + UUID.randomUUID();
    fire(person, change);
    return person;
  }

  private static void fire(String person, String change) {
    HttpResponse<String> fired =
        new Browser().get("/test/partner?person=" + person + "&change=" + change);
    assertEquals("fired", fired.body());
  }

  private static String status(String webhookId) {
    return new Browser().get("/test/partner?status=" + webhookId).body();
  }

  private static void awaitStatus(String webhookId, String expected) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline) && !status(webhookId).equals(expected)) {
      Thread.sleep(100);
    }
    assertEquals(expected, status(webhookId));
  }

  private static void verify(PartnerStub.Received received) throws Exception {
    // Throws when the signature, the id or the timestamp does not check out.
    new Webhook(PartnerAtStub.SECRET).verify(received.body(), received.headers());
  }

  @Test
  void aChangeIsDeliveredSignedAndVerifiable() throws Exception {
    String person = fire("UPDATED");
    PartnerStub.Received received =
        PartnerStub.await(person, r -> !r.isEmpty(), Duration.ofSeconds(10)).get(0);
    verify(received);
    assertTrue(received.header("webhook-id").startsWith("msg_"), received.header("webhook-id"));
    assertTrue(
        received.header("webhook-signature").startsWith("v1,"),
        received.header("webhook-signature"));
    JsonObject body = Json.createReader(new StringReader(received.body())).readObject();
    assertEquals("copy.person.updated", body.getString("type"));
    JsonObject data = body.getJsonObject("data");
    assertEquals(42, data.getInt("account_id"));
    assertEquals(person, data.getString("id"));
    assertEquals("session-1", data.getString("session_id"));
    assertEquals(
        List.of("attended"), data.getJsonArray("fields").getValuesAs(JsonString::getString));
    awaitStatus(received.header("webhook-id"), "delivered");
  }

  @Test
  void a503IsRetriedWithTheSameIdUntilThePartnerTakesIt() throws Exception {
    String person = "person-" + UUID.randomUUID();
    PartnerStub.answer(person, 503);
    fire(person, "CREATED");
    // The first retry comes about five seconds after the 503 (give or take a quarter).
    List<PartnerStub.Received> both =
        PartnerStub.await(person, r -> r.size() >= 2, Duration.ofSeconds(20));
    assertEquals(both.get(0).header("webhook-id"), both.get(1).header("webhook-id"));
    assertEquals(both.get(0).body(), both.get(1).body());
    assertNotEquals(
        both.get(0).header("webhook-timestamp"),
        both.get(1).header("webhook-timestamp"),
        "each attempt is signed when it is sent");
    verify(both.get(0));
    verify(both.get(1));
    awaitStatus(both.get(0).header("webhook-id"), "delivered");
    Thread.sleep(PartnerForwarding.POLL.toMillis() + 500);
    assertEquals(2, PartnerStub.received(person).size(), "nothing sent after the 200");
  }

  @Test
  void a400FailsAtOnceAndAnAdministratorSendsItAgain() throws Exception {
    String person = "person-" + UUID.randomUUID();
    PartnerStub.answer(person, 400);
    fire(person, "CREATED");
    String webhookId =
        PartnerStub.await(person, r -> !r.isEmpty(), Duration.ofSeconds(10))
            .get(0)
            .header("webhook-id");
    awaitStatus(webhookId, "failed");
    // Not retried by the schedule: a 4xx will not get better by itself.
    Thread.sleep(PartnerForwarding.POLL.toMillis() + 500);
    assertEquals(1, PartnerStub.received(person).size());

    Browser admin = admin();
    HttpResponse<String> page = admin.get("/admin/partner-webhooks");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains(webhookId), page.body());
    assertTrue(page.body().contains("HTTP 400"), page.body());

    HttpResponse<String> forged =
        admin.postRaw(
            "/admin/partner-webhooks", Map.of("action", "replay", "id", webhookId, "_csrf", ""));
    assertEquals(403, forged.statusCode(), "no replay without the form's CSRF token");
    assertEquals("failed", status(webhookId));

    admin.get("/admin/partner-webhooks");
    HttpResponse<String> replayed =
        admin.post("/admin/partner-webhooks", Map.of("action", "replay", "id", webhookId));
    assertEquals(303, replayed.statusCode(), replayed.body());
    List<PartnerStub.Received> both =
        PartnerStub.await(person, r -> r.size() >= 2, Duration.ofSeconds(10));
    assertEquals(webhookId, both.get(1).header("webhook-id"), "a replay keeps the id");
    assertEquals(both.get(0).body(), both.get(1).body());
    verify(both.get(1));
    awaitStatus(webhookId, "delivered");
    assertFalse(
        admin.get("/admin/partner-webhooks").body().contains(webhookId),
        "no longer listed as failed");
  }

  @Test
  void plainUsersCannotSeeOrReplay() {
    Browser user = new Browser();
    user.signUp("partner-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    assertEquals(403, user.get("/admin/partner-webhooks").statusCode());
    assertEquals(
        403, user.post("/admin/partner-webhooks", Map.of("action", "replay-all")).statusCode());
  }

  @Test
  void theQueueShowsInMetrics() {
    HttpResponse<String> metrics =
        new Browser().get("/metrics", "Authorization", "Bearer it-metrics-scrape-token-0123456789");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("livestorm_connect_partner_queue_length "), metrics.body());
    assertTrue(metrics.body().contains("livestorm_connect_partner_failed "), metrics.body());
  }

  /** it-admin is in ADMIN_USERNAMES (arquillian.xml); the account may exist from another class. */
  private static Browser admin() {
    new Browser().signUp("it-admin", PASSWORD);
    Browser admin = new Browser();
    admin.get("/login");
    assertEquals(
        303,
        admin.post("/login", Map.of("username", "it-admin", "password", PASSWORD)).statusCode());
    return admin;
  }
}
