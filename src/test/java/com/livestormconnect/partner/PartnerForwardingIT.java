package com.livestormconnect.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.copy.CopyChanged;
import com.livestormconnect.copy.CopyChanged.Change;
import com.livestormconnect.copy.CopyChanged.Kind;
import com.standardwebhooks.Webhook;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forwarding to the partner, in the container on Derby: changes fired as the copy fires them reach
 * a partner service on 127.0.0.1 signed so that the Standard Webhooks library verifies them; a 503
 * is retried with the same webhook-id; a 400 is kept as failed and sent again from the admin page.
 */
@ExtendWith(ArquillianExtension.class)
class PartnerForwardingIT {
  private static final String PASSWORD = "correct horse battery";

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(PartnerForwardingIT.class, PartnerStub.class, PartnerAtStub.class)
        .addClass(PartnerStub.Received.class);
  }

  @Inject Event<CopyChanged> changes;

  @Inject OutboundQueue queue;

  /** Fires a change of a person whose id is unique to the test, and returns that id. */
  private String firePersonChange(Change change) {
    String id = "person-" + UUID.randomUUID();
    changes.fire(
        new CopyChanged(
            42,
            Kind.PERSON,
            id,
            "session-1",
            change,
            change == Change.UPDATED ? Set.of("attended") : Set.of(),
            Instant.parse("2026-12-06T12:00:00Z")));
    return id;
  }

  private static void verify(PartnerStub.Received received) throws Exception {
    // Throws when the signature, the id or the timestamp does not check out.
    new Webhook(PartnerAtStub.SECRET).verify(received.body(), received.headers());
  }

  private void awaitStatus(String webhookId, String status) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      if (queue.status(webhookId).equals(Optional.of(status))) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(Optional.of(status), queue.status(webhookId));
  }

  @Test
  void aChangeIsDeliveredSignedAndVerifiable() throws Exception {
    String person = firePersonChange(Change.UPDATED);
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
        List.of("attended"),
        data.getJsonArray("fields").getValuesAs(jakarta.json.JsonString::getString));
    awaitStatus(received.header("webhook-id"), "delivered");
  }

  @Test
  void a503IsRetriedWithTheSameIdUntilThePartnerTakesIt() throws Exception {
    String person = "person-" + UUID.randomUUID();
    PartnerStub.answer(person, 503);
    changes.fire(
        new CopyChanged(42, Kind.PERSON, person, "session-1", Change.CREATED, Set.of(), null));
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
    changes.fire(
        new CopyChanged(42, Kind.PERSON, person, "session-1", Change.CREATED, Set.of(), null));
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
    assertEquals(Optional.of("failed"), queue.status(webhookId));

    admin.get("/admin/partner-webhooks");
    HttpResponse<String> replayed =
        admin.post("/admin/partner-webhooks", Map.of("action", "replay", "id", webhookId));
    assertEquals(303, replayed.statusCode(), replayed.body());
    List<PartnerStub.Received> both =
        PartnerStub.await(person, r -> r.size() >= 2, Duration.ofSeconds(10));
    assertEquals(webhookId, both.get(1).header("webhook-id"), "a replay keeps the id");
    verify(both.get(1));
    awaitStatus(webhookId, "delivered");
    assertFalse(
        admin.get("/admin/partner-webhooks").body().contains(webhookId),
        "no longer listed as failed");
  }

  @Test
  void plainUsersCannotSeeOrReplay() {
    Browser user = new Browser(base());
    user.signUp("partner-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    assertEquals(403, user.get("/admin/partner-webhooks").statusCode());
    assertEquals(
        403, user.post("/admin/partner-webhooks", Map.of("action", "replay-all")).statusCode());
  }

  private static URI base() {
    return URI.create(System.getProperty("APP_BASE_URL"));
  }

  /** it-admin is in ADMIN_USERNAMES (arquillian.xml); the account may exist from another class. */
  private static Browser admin() {
    new Browser(base()).signUp("it-admin", PASSWORD);
    Browser admin = new Browser(base());
    admin.get("/login");
    assertEquals(
        303,
        admin.post("/login", Map.of("username", "it-admin", "password", PASSWORD)).statusCode());
    return admin;
  }
}
