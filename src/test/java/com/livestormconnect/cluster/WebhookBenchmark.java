package com.livestormconnect.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.Browser;
import com.livestormconnect.MicroNode;
import com.livestormconnect.SandboxConsent;
import com.livestormconnect.SandboxControl;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhook deliveries at 50 per second for 20 seconds, signed as Livestorm signs them, to two Payara
 * Micro nodes on PostgreSQL behind the test's {@link RoundRobin}: the time to the acknowledgement
 * (p50, p99; target p99 under 100 ms), from the post to the row in the copy ({@code seen_at}), and
 * to the partner's endpoint (the forwarding of the change). Figures printed and written to
 * target/benchmarks/webhook.txt. Needs the build's PostgreSQL; skipped without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookBenchmark {
  private static final String SECRET = "bench-webhook-signing-secret-0123456789";
  private static final int PER_SECOND = 50;
  private static final int SECONDS = 20;
  private static final int WARM_UP_SECONDS = 20;

  private SharedDatabase database;
  private RoundRobin balancer;
  private HttpServer partner;
  private MicroNode node1;
  private MicroNode node2;
  private final Map<String, Long> partnerArrivals = new ConcurrentHashMap<>();

  @BeforeAll
  void start() throws Exception {
    database = SharedDatabase.fresh("livestorm_webhook_bench", WebhookBenchmark.class);
    partner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    partner.createContext(
        "/",
        exchange -> {
          long now = System.currentTimeMillis();
          JsonObject body =
              Json.createReader(
                      new StringReader(
                          new String(
                              exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))
                  .readObject();
          partnerArrivals.putIfAbsent(body.getJsonObject("data").getString("id"), now);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    partner.start();
    int publicPort = MicroNode.freePort();
    Map<String, String> settings =
        database.nodeSettings(
            publicPort,
            Map.of(
                "LIVESTORM_WEBHOOK_SECRET",
                SECRET,
                // No sync: the copy changes only through the deliveries measured.
                "SYNC_INTERVAL",
                "0",
                "PARTNER_WEBHOOK_URL",
                "http://127.0.0.1:" + partner.getAddress().getPort() + "/changes",
                "PARTNER_WEBHOOK_SECRET",
                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])));
    node1 = MicroNode.start("bench1", MicroNode.freePort(), settings);
    node2 = MicroNode.start("bench2", MicroNode.freePort(), settings);
    balancer = new RoundRobin(publicPort, List.of(node1.base(), node2.base()));
    node1.awaitUp(Duration.ofMinutes(4));
    node2.awaitUp(Duration.ofMinutes(4));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (node1 != null) {
        node1.close();
      }
      if (node2 != null) {
        node2.close();
      }
    } finally {
      if (balancer != null) {
        balancer.close();
      }
      if (partner != null) {
        partner.stop(0);
      }
    }
  }

  @Test
  void fiftyDeliveriesPerSecondOnTwoNodes() throws Exception {
    SandboxControl sandbox = new SandboxControl(balancer.base());
    sandbox.resetWebhooks();
    long accountId = connected();
    String organization = sandbox.dump().getJsonObject("organization").getString("id");
    String path = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (path == null && System.nanoTime() < deadline) {
      path =
          sandbox.webhookSubscriptions().getJsonArray("subscriptions").stream()
              .map(JsonValue::asJsonObject)
              .filter(s -> s.getString("event").equals("event.created"))
              .map(s -> URI.create(s.getString("url")).getRawPath())
              .findFirst()
              .orElse(null);
      Thread.sleep(1_000);
    }
    if (path == null) {
      throw new AssertionError("no event.created subscription within 3 minutes");
    }
    URI receiver = balancer.base().resolve(path);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // Warm-up, not measured: the same pace for WARM_UP_SECONDS, through both nodes' receivers,
    // inboxes and forwarding, so that the JIT has compiled the paths before the timed pass; then
    // everything it sent is drained.
    int warmUp = PER_SECOND * WARM_UP_SECONDS;
    paced(http, receiver, organization, "warm-", warmUp, new long[warmUp], new long[warmUp]);
    long drained = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (partnerArrivals.size() < warmUp && System.nanoTime() < drained) {
      Thread.sleep(200);
    }

    int total = PER_SECOND * SECONDS;
    long[] sentAt = new long[total];
    long[] ackMillis = new long[total];
    paced(http, receiver, organization, "bench-", total, sentAt, ackMillis);

    // The copy's rows and the partner's arrivals, waited for at most two minutes.
    long[] copyMillis = new long[total];
    long[] partnerMillis = new long[total];
    long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    Map<String, Long> seen = Map.of();
    while (System.nanoTime() < until) {
      seen = seenAt(accountId);
      if (seen.size() >= total && partnerArrivals.size() >= total + warmUp) {
        break;
      }
      Thread.sleep(500);
    }
    int copied = 0;
    int forwarded = 0;
    for (int i = 0; i < total; i++) {
      Long row = seen.get("bench-" + i);
      if (row != null) {
        copyMillis[copied++] = row - sentAt[i];
      }
      Long arrival = partnerArrivals.get("bench-" + i);
      if (arrival != null) {
        partnerMillis[forwarded++] = arrival - sentAt[i];
      }
    }
    String figures =
        String.format(
            Locale.ROOT,
            "%d deliveries at %d/s, two nodes, PostgreSQL:%n"
                + "  acknowledged: p50 %d ms, p99 %d ms, max %d ms%n"
                + "  in the copy (%d): p50 %d ms, p99 %d ms%n"
                + "  at the partner's endpoint (%d): p50 %d ms, p99 %d ms%n",
            total,
            PER_SECOND,
            percentile(ackMillis, total, 50),
            percentile(ackMillis, total, 99),
            percentile(ackMillis, total, 100),
            copied,
            percentile(copyMillis, copied, 50),
            percentile(copyMillis, copied, 99),
            forwarded,
            percentile(partnerMillis, forwarded, 50),
            percentile(partnerMillis, forwarded, 99));
    System.out.print(figures);
    Path out = Path.of(System.getProperty("project.build.directory", "target"), "benchmarks");
    Files.createDirectories(out);
    Files.writeString(out.resolve("webhook.txt"), figures);
  }

  /** Sends {@code count} deliveries at PER_SECOND, each acknowledgement timed; waits for all. */
  private static void paced(
      HttpClient http,
      URI receiver,
      String organization,
      String prefix,
      int count,
      long[] sentAt,
      long[] ackMillis)
      throws InterruptedException {
    List<CompletableFuture<Void>> answers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * 1_000_000_000L / PER_SECOND;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      int n = i;
      HttpRequest request = delivery(receiver, organization, prefix + n);
      sentAt[n] = System.currentTimeMillis();
      long sent = System.nanoTime();
      answers.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .thenAccept(
                  answer -> {
                    ackMillis[n] = (System.nanoTime() - sent) / 1_000_000;
                    assertEquals(202, answer.statusCode(), answer.body());
                  }));
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
  }

  private static long percentile(long[] values, int count, int p) {
    if (count == 0) {
      return -1;
    }
    long[] sorted = java.util.Arrays.copyOf(values, count);
    java.util.Arrays.sort(sorted);
    // Nearest rank: the smallest value with at least p % of the values at or below it.
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)];
  }

  private static HttpRequest delivery(URI receiver, String organization, String id) {
    byte[] body =
        ("{\"data\":{\"id\":\""
                + id
                + "\",\"type\":\"events\",\"attributes\":{\"title\":\"Benchmark "
                + id
                + "\",\"updated_at\":\""
                + Instant.now()
                + "\"},\"meta\":{\"webhook\":{\"event\":\"event.updated\",\"organization_id\":\""
                + organization
                + "\"}}}}")
            .getBytes(StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(receiver)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("x-livestorm-signature", sign(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** Livestorm's signature: {@code <unix seconds>,<hex sha256(seconds + secret + body)>}. */
  private static String sign(byte[] body) {
    try {
      String seconds = String.valueOf(Instant.now().getEpochSecond());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((seconds + SECRET).getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return seconds + "," + HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Long> seenAt(long accountId) throws Exception {
    Map<String, Long> rows = new java.util.HashMap<>();
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, seen_at FROM copy_event WHERE account_id = ? AND id LIKE 'bench-%'")) {
      s.setLong(1, accountId);
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          rows.put(row.getString(1), row.getLong(2));
        }
      }
    }
    return rows;
  }

  private long connected() throws Exception {
    String username = "bench";
    String password = "correct horse battery";
    assertEquals(303, new Browser(balancer.base()).signUp(username, password).statusCode());
    Browser browser = new Browser(balancer.base());
    browser.get("/login");
    assertEquals(
        303,
        browser.post("/login", Map.of("username", username, "password", password)).statusCode());
    browser.get("/connect");
    HttpResponse<String> started =
        browser.post(
            "/connect",
            List.of(Map.entry("scope", "events:read"), Map.entry("scope", "webhooks:write")));
    assertEquals(303, started.statusCode(), started.body());
    String location = started.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> callback = browser.get(SandboxConsent.approve(browser, location));
    assertEquals("/dashboard", callback.headers().firstValue("Location").orElse(null));
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement("SELECT id FROM account WHERE username = ?")) {
      s.setString(1, username);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
