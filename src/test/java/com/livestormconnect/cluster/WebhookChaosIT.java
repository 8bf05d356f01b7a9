package com.livestormconnect.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhooks under chaos, on two Payara Micro nodes and PostgreSQL behind the test's {@link
 * RoundRobin}: the sandbox's demo data changes (registrations, sessions started and ended, a
 * replay) while 20 % of deliveries are dropped and every delivery is sent up to three times in
 * shuffled order to either node, and one subscription fails for 35 minutes of the sandbox's clock
 * until the sandbox disables it. After the next hourly check (made due in the database) and the
 * sync, the copy equals the sandbox's dump in every row, field by field; every change was told once
 * (the partner forwarding's queue holds one message per change, as {@code CopyChanged} is fired);
 * and no call drew a 429. Runs only in the build's PostgreSQL execution.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookChaosIT {
  private static final String PASSWORD = "correct horse battery";
  private static final String SECRET = "chaos-webhook-signing-secret-0123456789";

  private SharedDatabase database;
  private RoundRobin balancer;
  private HttpServer partner;
  private MicroNode node1;
  private MicroNode node2;
  private SandboxControl sandbox;

  @BeforeAll
  void startTwoNodesBehindTheBalancer() throws Exception {
    database = SharedDatabase.fresh("livestorm_chaos", WebhookChaosIT.class);
    partner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    partner.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    partner.start();
    int publicPort = MicroNode.freePort();
    int port1 = MicroNode.freePort();
    int port2 = MicroNode.freePort();
    Map<String, String> settings =
        database.nodeSettings(
            publicPort,
            Map.of(
                "ADMIN_USERNAMES",
                "chaos",
                "LIVESTORM_WEBHOOK_SECRET",
                SECRET,
                "SYNC_INTERVAL",
                "60",
                "SYNC_QUOTA_SHARE",
                "100",
                "PARTNER_WEBHOOK_URL",
                "http://127.0.0.1:" + partner.getAddress().getPort() + "/changes",
                "PARTNER_WEBHOOK_SECRET",
                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])));
    node1 = MicroNode.start("chaos1", port1, settings);
    node2 = MicroNode.start("chaos2", port2, settings);
    balancer = new RoundRobin(publicPort, List.of(node1.base(), node2.base()));
    node1.awaitUp(Duration.ofMinutes(4));
    node2.awaitUp(Duration.ofMinutes(4));
    sandbox = new SandboxControl(balancer.base());
  }

  @AfterAll
  void stopEverything() throws Exception {
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
  void theCopyEqualsTheSandboxAfterChaosAndEveryChangeIsToldOnce() throws Exception {
    sandbox.resetWebhooks();
    // The app cannot tell a disabled subscription that Livestorm still lists from a live one, so
    // the sandbox leaves disabled ones out, as the documentation says Livestorm does.
    sandbox.variants(Map.of("disabled_webhooks", "hidden"));
    sandbox.monthlyQuotaLeft(1_000_000);
    sandbox.resetStats();
    long accountId = connected("chaos");

    await(
        "subscriptions made and backfill done",
        Duration.ofMinutes(10),
        () -> {
          return activeSubscriptions().size() >= 3 && backfillDone(accountId);
        });
    long messagesBefore = messages(accountId).size();

    // The subscription that will fail until it is disabled: the registrations'.
    JsonObject victim =
        activeSubscriptions().stream()
            .filter(s -> s.getString("event").equals("people.registered"))
            .findFirst()
            .orElseThrow();
    String victimPath = URI.create(victim.getString("url")).getRawPath();
    balancer.failing.add(victimPath);
    sandbox.webhookFaults(20, 3, true, 0);

    JsonObject dump = sandbox.dump();
    List<String> eventIds = new ArrayList<>();
    for (JsonValue e : dump.getJsonArray("events")) {
      eventIds.add(e.asJsonObject().getString("id"));
    }
    // The changes, all made before the sandbox's clock moves: the app's sync reads with windows
    // that end at its own (real) clock, so rows stamped in the sandbox's future would wait for
    // the daily full re-list, which this test does not reach.
    List<String> created = new ArrayList<>();
    for (int round = 0; round < 8; round++) {
      String eventId = eventIds.get(round % eventIds.size());
      String session = sandbox.createSession(eventId, 600).getJsonObject("session").getString("id");
      created.add(session);
      sandbox.register(session, 5);
      if (round % 2 == 1) {
        String earlier = created.get(round - 1);
        sandbox.register(earlier, 2);
        sandbox.startSession(earlier);
        sandbox.endSession(earlier, 60);
        sandbox.watchReplay(earlier, null);
      }
    }
    // The sandbox sends one delivery at a time: its clock moves only once they have all been
    // tried, so that the victim's retries fall due within the 35 minutes.
    await(
        "the deliveries sent",
        Duration.ofMinutes(5),
        () ->
            sandbox.webhookDeliveries().getJsonNumber("queued").longValue() == 0
                && subscription(victim.getString("id")).getInt("failures") > 0);
    // 35 minutes of errors for one subscription, retried on the sandbox's clock.
    for (int minute = 0; minute < 35; minute++) {
      sandbox.advanceClock(60);
      sandbox.runDueWebhookRetries();
    }
    assertEquals(
        "disabled",
        subscription(victim.getString("id")).getString("state"),
        "the failing subscription is disabled after 35 minutes of errors");

    // The receiver is back; the next hourly check is now.
    balancer.failing.clear();
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE webhook_check SET next_check_at = 0");
    }
    await(
        "the subscription made again",
        Duration.ofMinutes(3),
        () ->
            activeSubscriptions().stream()
                .anyMatch(
                    s ->
                        s.getString("event").equals(victim.getString("event"))
                            && !s.getString("id").equals(victim.getString("id"))));

    // Then the sync: the copy converges on the sandbox, whatever the webhooks missed.
    List<String> differences = List.of();
    long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
    do {
      Thread.sleep(5_000);
      differences = differences(accountId, sandbox.dump());
    } while (!differences.isEmpty() && System.nanoTime() < deadline);
    if (!differences.isEmpty()) {
      fail(
          differences.size()
              + " differences between the copy and the sandbox, first ones:\n"
              + String.join("\n", differences.subList(0, Math.min(40, differences.size()))));
    }

    // Every change was told once: no two messages for the same change of the same row.
    List<String> changes = messages(accountId);
    Map<String, Integer> perChange = new TreeMap<>();
    changes.forEach(key -> perChange.merge(key, 1, Integer::sum));
    List<String> twice =
        perChange.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    assertEquals(List.of(), twice, "changes told more than once");
    assertTrue(
        changes.size() - messagesBefore >= created.size() * 5L,
        "the chaos's changes were told: " + (changes.size() - messagesBefore));
    assertTrue(balancer.failed.get() > 0 && balancer.deliveries.get() > 0, "deliveries came");
    assertEquals(0, sandbox.counter("rate_limited"), "calls that drew a 429");
  }

  private long connected(String username) {
    assertEquals(303, new Browser(balancer.base()).signUp(username, PASSWORD).statusCode());
    Browser browser = new Browser(balancer.base());
    browser.get("/login");
    HttpResponse<String> signedIn =
        browser.post("/login", Map.of("username", username, "password", PASSWORD));
    assertEquals(303, signedIn.statusCode(), signedIn.body());
    browser.get("/connect");
    HttpResponse<String> started =
        browser.post(
            "/connect",
            List.of(
                Map.entry("scope", "identity:read"),
                Map.entry("scope", "events:read"),
                Map.entry("scope", "webhooks:write")));
    assertEquals(303, started.statusCode(), started.body());
    HttpResponse<String> callback = browser.get(SandboxConsent.approve(browser, location(started)));
    assertEquals("/dashboard", location(callback));
    return query(
            "SELECT id FROM account WHERE username = ?",
            s -> s.setString(1, username),
            row -> row.getLong(1))
        .get(0);
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(
            () -> new AssertionError("HTTP " + response.statusCode() + ": " + response.body()));
  }

  private boolean backfillDone(long accountId) {
    return !query(
            "SELECT 1 FROM copy_sync WHERE account_id = ? AND backfill_done_at IS NOT NULL",
            s -> s.setLong(1, accountId),
            row -> 1)
        .isEmpty();
  }

  /**
   * The app's own active subscriptions: those posting to its receiver (the demo organization has
   * subscriptions of its own, to addresses the sandbox refuses to post to).
   */
  private List<JsonObject> activeSubscriptions() {
    return sandbox.webhookSubscriptions().getJsonArray("subscriptions").stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> s.getString("state").equals("active"))
        .filter(s -> s.getString("url", "").contains("/webhooks/livestorm/"))
        .toList();
  }

  private JsonObject subscription(String id) {
    return sandbox.webhookSubscriptions().getJsonArray("subscriptions").stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> s.getString("id").equals(id))
        .findFirst()
        .orElseThrow();
  }

  /**
   * One key per message in the partner's queue: the row and what changed, so that the same change
   * told twice gives the same key twice.
   */
  private List<String> messages(long accountId) {
    return query(
        "SELECT payload FROM partner_message WHERE account_id = ?",
        s -> s.setLong(1, accountId),
        row -> {
          JsonObject data =
              Json.createReader(new StringReader(row.getString(1)))
                  .readObject()
                  .getJsonObject("data");
          return String.join(
              " ",
              data.getString("kind"),
              data.getString("id"),
              String.valueOf(data.get("session_id")),
              data.getString("change"),
              String.valueOf(data.get("updated_at")),
              String.valueOf(data.get("fields")));
        });
  }

  /** Every row of the copy against the dump: rows missing, extra, or with a different field. */
  private List<String> differences(long accountId, JsonObject dump) {
    List<String> found = new ArrayList<>();
    Map<String, JsonObject> expected = new HashMap<>();
    dump.getJsonArray("events")
        .forEach(v -> expected.put("event " + v.asJsonObject().getString("id"), v.asJsonObject()));
    dump.getJsonArray("sessions")
        .forEach(
            v -> expected.put("session " + v.asJsonObject().getString("id"), v.asJsonObject()));
    dump.getJsonObject("people")
        .forEach(
            (session, people) ->
                people
                    .asJsonArray()
                    .forEach(
                        p ->
                            expected.put(
                                "person " + session + "/" + p.asJsonObject().getString("id"),
                                p.asJsonObject())));
    Map<String, JsonObject> held = new HashMap<>();
    Sql.Binder account = s -> s.setLong(1, accountId);
    query(
            "SELECT id, resource FROM copy_event WHERE account_id = ?",
            account,
            row -> Map.entry("event " + row.getString(1), parse(row.getString(2))))
        .forEach(e -> held.put(e.getKey(), e.getValue()));
    query(
            "SELECT id, resource FROM copy_session WHERE account_id = ?",
            account,
            row -> Map.entry("session " + row.getString(1), parse(row.getString(2))))
        .forEach(e -> held.put(e.getKey(), e.getValue()));
    query(
            "SELECT session_id, id, resource FROM copy_person WHERE account_id = ?",
            account,
            row ->
                Map.entry(
                    "person " + row.getString(1) + "/" + row.getString(2), parse(row.getString(3))))
        .forEach(e -> held.put(e.getKey(), e.getValue()));
    for (String key : new TreeSet<>(expected.keySet())) {
      JsonObject copy = held.get(key);
      if (copy == null) {
        found.add("missing from the copy: " + key);
      } else {
        compare(key, "", expected.get(key), copy, found);
      }
    }
    for (String key : new TreeSet<>(held.keySet())) {
      if (!expected.containsKey(key)) {
        found.add("in the copy, not at the sandbox: " + key);
      }
    }
    return found;
  }

  private static void compare(
      String row, String path, JsonValue expected, JsonValue held, List<String> found) {
    if (expected instanceof JsonObject e && held instanceof JsonObject h) {
      TreeSet<String> names = new TreeSet<>(e.keySet());
      names.addAll(h.keySet());
      for (String name : names) {
        compare(
            row,
            path + "." + name,
            e.getOrDefault(name, JsonValue.NULL),
            h.getOrDefault(name, JsonValue.NULL),
            found);
      }
    } else if (!expected.equals(held)) {
      found.add(row + " " + path + ": sandbox " + expected + ", copy " + held);
    }
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  /** A little JDBC for the checks above. */
  private interface Sql {
    interface Binder {
      void bind(PreparedStatement statement) throws Exception;
    }

    interface Row<T> {
      T read(ResultSet row) throws Exception;
    }
  }

  private <T> List<T> query(String sql, Sql.Binder binder, Sql.Row<T> reader) {
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      List<T> rows = new ArrayList<>();
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          rows.add(reader.read(row));
        }
      }
      return rows;
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(String what, Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + timeout + ": " + what);
      }
      Thread.sleep(1_000);
    }
  }
}
