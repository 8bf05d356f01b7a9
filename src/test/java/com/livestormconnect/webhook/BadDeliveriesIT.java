package com.livestormconnect.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.config.Settings;
import com.livestormconnect.connect.ConnectFlow;
import com.livestormconnect.database.Database;
import com.livestormconnect.token.TokenStore;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
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
import java.util.Locale;
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
 * Bad input beyond {@link ReceiverIT}: an oversized body that does not announce its length
 * (chunked, so the receiver must stop reading at its limit rather than trust a header), and a burst
 * of 1,000 bad deliveries of every kind (forged, unsigned, replayed, oversized) during which 20
 * legitimate deliveries are each acknowledged and stored, and nothing else is.
 */
@ExtendWith(ArquillianExtension.class)
class BadDeliveriesIT {
  private static final String SECRET = "it-webhook-signing-secret-0123456789";

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(BadDeliveriesIT.class, ConnectFlow.class);
  }

  @Inject Settings settings;

  @Inject AccountStore accounts;

  @Inject TokenStore connections;

  @Inject Subscriptions subscriptions;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Signature signature = new Signature(SECRET);

  private long accountId;
  private String organizationId;
  private String path;

  @BeforeEach
  void connectedWithASubscription() {
    ConnectFlow flow = ConnectFlow.signedUp(settings.appBaseUrl(), "bad-hooks");
    flow.connect("identity:read", "events:read");
    accountId = accounts.find(flow.username).orElseThrow().getId();
    organizationId = connections.find(accountId).orElseThrow().livestormOrganizationId();
    String token = Subscriptions.newToken();
    subscriptions.save(
        accountId,
        "event.created",
        token,
        "livestorm-id-" + token.substring(0, 6),
        Subscription.State.ACTIVE,
        null,
        Instant.now());
    path = "/webhooks/livestorm/" + token;
  }

  private byte[] event(String id) {
    return ("{\"data\":{\"id\":\""
            + id
            + "\",\"type\":\"events\",\"attributes\":{\"title\":\"Bad input "
            + id
            + "\",\"updated_at\":\"2026-12-06T21:00:00.000Z\"},\"meta\":{\"webhook\":"
            + "{\"event\":\"event.created\",\"organization_id\":\""
            + organizationId
            + "\"}}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> post(HttpRequest.BodyPublisher body, String signatureHeader) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(settings.appBaseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(body);
    if (signatureHeader != null) {
      request.header(Signature.HEADER, signatureHeader);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long stored() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM webhook_inbox WHERE account_id = ?")) {
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
  void anOversizedBodyWithoutALengthIsRefusedOnceItPassesTheLimit() {
    byte[] oversized = Arrays.copyOf(event("ev-big"), ReceiverServlet.MAX_BODY + 1024);
    Arrays.fill(oversized, event("ev-big").length, oversized.length, (byte) ' ');
    // ofInputStream has no known length: the JDK client sends it chunked, with no Content-Length.
    HttpResponse<String> answer =
        post(
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized)),
            signature.sign(oversized, Instant.now()));
    assertEquals(413, answer.statusCode(), answer.body());
    assertEquals(0, stored());
  }

  @Test
  void legitimateDeliveriesAreAcknowledgedDuringABurstOfEveryKindOfBadOne() throws Exception {
    byte[] body = event("ev-burst");
    String forged = new Signature("not-the-secret-of-livestorm").sign(body, Instant.now());
    String replayed = signature.sign(body, Instant.now().minus(Duration.ofMinutes(10)));
    byte[] oversized = new byte[ReceiverServlet.MAX_BODY + 1];
    Arrays.fill(oversized, (byte) ' ');
    String oversizedSigned = signature.sign(oversized, Instant.now());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> bad = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int kind = i % 4;
        bad.add(
            pool.submit(
                () -> {
                  HttpResponse<String> answer =
                      switch (kind) {
                        case 0 -> post(HttpRequest.BodyPublishers.ofByteArray(body), forged);
                        case 1 -> post(HttpRequest.BodyPublishers.ofByteArray(body), null);
                        case 2 -> post(HttpRequest.BodyPublishers.ofByteArray(body), replayed);
                        default ->
                            post(
                                HttpRequest.BodyPublishers.ofByteArray(oversized), oversizedSigned);
                      };
                  return answer.statusCode();
                }));
      }
      long[] took = new long[20];
      for (int i = 0; i < took.length; i++) {
        byte[] legit = event("ev-legit-" + i);
        long start = System.nanoTime();
        HttpResponse<String> answer =
            post(
                HttpRequest.BodyPublishers.ofByteArray(legit),
                signature.sign(legit, Instant.now()));
        took[i] = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(202, answer.statusCode(), answer.body());
      }
      for (int i = 0; i < bad.size(); i++) {
        assertEquals(i % 4 == 3 ? 413 : 401, bad.get(i).get(), "bad delivery " + i);
      }
      assertEquals(20, stored(), "the legitimate deliveries and nothing else");
      long[] sorted = took.clone();
      Arrays.sort(sorted);
      String figures =
          String.format(
              Locale.ROOT,
              "legitimate deliveries during the burst: median %d ms, max %d ms",
              sorted[sorted.length / 2],
              sorted[sorted.length - 1]);
      System.out.println(figures);
      // The target (p99 under 100 ms) is measured by WebhookBenchmark without a burst; here the
      // bound only says that the burst does not starve them on a machine shared with other builds.
      assertTrue(sorted[sorted.length - 1] < 2_000, figures);
    } finally {
      pool.shutdownNow();
    }
  }
}
