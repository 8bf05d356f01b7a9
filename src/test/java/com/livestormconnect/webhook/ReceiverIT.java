package com.livestormconnect.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.config.Settings;
import com.livestormconnect.connect.ConnectFlow;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.database.Database;
import com.livestormconnect.token.TokenStore;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The receiver end to end on the server (the in-container tests set LIVESTORM_WEBHOOK_SECRET): a
 * signed delivery is acknowledged, stored and applied to the copy; a duplicate is counted once;
 * forged, unsigned, replayed, oversized and malformed deliveries are answered as they deserve and
 * leave nothing stored, also in a burst of 1,000 during which a legitimate one is acknowledged.
 */
@ExtendWith(ArquillianExtension.class)
class ReceiverIT {
  private static final String SECRET = "it-webhook-signing-secret-0123456789";

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(ReceiverIT.class, ConnectFlow.class, DeliveryTest.class);
  }

  @Inject Settings settings;

  @Inject AccountStore accounts;

  @Inject TokenStore connections;

  @Inject Subscriptions subscriptions;

  @Inject LocalCopy copy;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  private final HttpClient http =
      // HTTP/1.1 as Livestorm posts (the JDK client would otherwise try an h2c upgrade).
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Signature signature = new Signature(SECRET);

  private long accountId;
  private String organizationId;
  private String token;

  @BeforeEach
  void connectedWithASubscription() {
    ConnectFlow flow = ConnectFlow.signedUp(settings.appBaseUrl(), "hooks");
    flow.connect("identity:read", "events:read");
    accountId = accounts.find(flow.username).orElseThrow().getId();
    organizationId = connections.find(accountId).orElseThrow().livestormOrganizationId();
    token = Subscriptions.newToken();
    subscriptions.save(
        accountId,
        "event.created",
        token,
        "livestorm-id-" + token.substring(0, 6),
        Subscription.State.ACTIVE,
        null,
        Instant.now());
  }

  private byte[] event(String id, String updatedAt) {
    return ("{\"data\":{\"id\":\""
            + id
            + "\",\"type\":\"events\",\"attributes\":{\"title\":\"Webhook "
            + id
            + "\",\"updated_at\":\""
            + updatedAt
            + "\"},\"meta\":{\"webhook\":{\"event\":\"event.created\",\"organization_id\":\""
            + organizationId
            + "\"}}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> post(String path, byte[] body, String signatureHeader) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(settings.appBaseUrl() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signatureHeader != null) {
      request.header(Signature.HEADER, signatureHeader);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> deliver(byte[] body) {
    return post("/webhooks/livestorm/" + token, body, signature.sign(body, Instant.now()));
  }

  private long stored() {
    return count("SELECT COUNT(*) FROM webhook_inbox WHERE account_id = ?");
  }

  private long count(String sql) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSignedDeliveryIsAcknowledgedStoredAndAppliedToTheCopy() throws Exception {
    HttpResponse<String> answer = deliver(event("ev-hook-1", "2026-12-06T21:00:00.000Z"));
    assertEquals(202, answer.statusCode(), answer.body());
    assertEquals(1, stored(), "committed before the answer");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (copy.event(accountId, "ev-hook-1").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(
        "Webhook ev-hook-1", copy.event(accountId, "ev-hook-1").orElseThrow().value().title());
    assertEquals(
        0,
        count("SELECT COUNT(*) FROM webhook_inbox WHERE account_id = ? AND applied_at IS NULL"),
        "marked applied");
  }

  @Test
  void aDuplicateIsAcknowledgedAndCountedOnce() {
    byte[] body = event("ev-hook-2", "2026-12-06T21:00:00.000Z");
    assertEquals(202, deliver(body).statusCode());
    HttpResponse<String> again = deliver(body);
    assertEquals(200, again.statusCode());
    assertEquals("duplicate", again.body());
    HttpResponse<String> third = deliver(body);
    assertEquals(200, third.statusCode());
    assertEquals(1, stored());
    assertEquals(2, subscriptions.of(accountId).get(0).duplicates());
    // A later change of the same resource is not a duplicate.
    assertEquals(202, deliver(event("ev-hook-2", "2026-12-06T21:05:00.000Z")).statusCode());
    assertEquals(2, stored());
  }

  @Test
  void badDeliveriesAreAnsweredAsTheyDeserveAndNothingIsStored() {
    byte[] body = event("ev-hook-3", "2026-12-06T21:00:00.000Z");
    String path = "/webhooks/livestorm/" + token;
    String forged = new Signature("not-the-secret-of-livestorm").sign(body, Instant.now());
    assertEquals(401, post(path, body, forged).statusCode(), "forged");
    assertEquals(401, post(path, body, null).statusCode(), "unsigned while a secret is set");
    String replayed = signature.sign(body, Instant.now().minus(Duration.ofMinutes(6)));
    assertEquals(401, post(path, body, replayed).statusCode(), "replayed (old timestamp)");
    String ahead = signature.sign(body, Instant.now().plus(Duration.ofMinutes(6)));
    assertEquals(401, post(path, body, ahead).statusCode(), "timestamp ahead");
    byte[] tampered = Arrays.copyOf(body, body.length);
    tampered[tampered.length - 5] = 'X';
    assertEquals(
        401, post(path, tampered, signature.sign(body, Instant.now())).statusCode(), "tampered");
    byte[] oversized = new byte[ReceiverServlet.MAX_BODY + 1];
    Arrays.fill(oversized, (byte) ' ');
    assertEquals(413, post(path, oversized, signature.sign(oversized, Instant.now())).statusCode());
    byte[] malformed = "{\"data\":".getBytes(StandardCharsets.UTF_8);
    assertEquals(400, post(path, malformed, signature.sign(malformed, Instant.now())).statusCode());
    assertEquals(0, stored());

    // Unknown token or another organization: 2xx (Livestorm must not retry), dropped.
    String unknown = "/webhooks/livestorm/" + Subscriptions.newToken();
    assertEquals(200, post(unknown, body, signature.sign(body, Instant.now())).statusCode());
    byte[] elsewhere =
        new String(body, StandardCharsets.UTF_8)
            .replace(organizationId, "another-organization")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(200, deliver(elsewhere).statusCode());
    assertEquals(0, stored());
  }

  @Test
  void aBurstOfForgedDeliveriesIsRefusedWhileALegitimateOneIsAcknowledged() throws Exception {
    String path = "/webhooks/livestorm/" + token;
    byte[] body = event("ev-hook-4", "2026-12-06T21:00:00.000Z");
    String forged = new Signature("not-the-secret-of-livestorm").sign(body, Instant.now());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        answers.add(pool.submit(() -> post(path, body, forged).statusCode()));
      }
      long start = System.nanoTime();
      HttpResponse<String> legit = deliver(body);
      long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertEquals(202, legit.statusCode(), legit.body());
      for (Future<Integer> answer : answers) {
        assertEquals(401, answer.get());
      }
      assertEquals(1, stored(), "only the legitimate delivery");
      assertTrue(took < 5_000, "acknowledged in " + took + " ms during the burst");
    } finally {
      pool.shutdownNow();
    }
  }
}
