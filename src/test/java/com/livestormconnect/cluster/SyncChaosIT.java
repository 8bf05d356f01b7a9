package com.livestormconnect.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.MicroNode;
import com.livestormconnect.SandboxConsent;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.copy.CopyDifferences;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sync on two real Payara Micro nodes sharing one PostgreSQL while the sandbox's data changes
 * underneath, and the syncing node killed ({@code kill -9}) in the middle of a page: the other node
 * takes the connection over within a minute, and after the next full cycle the copy equals the
 * sandbox in every row, with no call answered 429. Node 1 hosts the sandbox, so it must survive: it
 * runs with {@code SYNC_INTERVAL=0} (it adopts no new connection, but takes over lists due or half
 * read), node 2 adopts the connection and is the one killed. Runs only in the build's PostgreSQL
 * execution.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncChaosIT {
  private static final String PASSWORD = "correct horse battery";
  private static final String USER = "chaos";

  private SharedDatabase database;
  private MicroNode node1;
  private MicroNode node2;

  @BeforeAll
  void startTwoNodes() throws Exception {
    database = SharedDatabase.fresh("livestorm_chaos", SyncChaosIT.class);
    int port1 = MicroNode.freePort();
    int port2 = MicroNode.freePort();
    // Each API answer takes 200 ms on the wire: a kill most likely finds a page under way. One
    // call of nodeSettings: both nodes need the same token encryption key.
    Map<String, String> common = database.nodeSettings(port1, Map.of("SANDBOX_LATENCY_MS", "200"));
    Map<String, String> one = new HashMap<>(common);
    one.put("SYNC_INTERVAL", "0");
    Map<String, String> two = new HashMap<>(common);
    two.put("SYNC_INTERVAL", "900");
    node1 = MicroNode.start("chaos1", port1, one);
    node1.awaitUp(Duration.ofMinutes(3));
    node2 = MicroNode.start("chaos2", port2, two);
    node2.awaitUp(Duration.ofMinutes(3));
  }

  @AfterAll
  void stopBothNodes() throws Exception {
    try {
      if (node1 != null) {
        node1.close();
      }
    } finally {
      if (node2 != null) {
        node2.close();
      }
    }
  }

  @Test
  void aNodeKilledMidPageIsTakenOverAndTheCopyEndsEqual() throws Exception {
    SandboxControl sandbox = new SandboxControl(node1.base());
    sandbox.monthlyQuotaLeft(1_000_000);
    sandbox.resetStats();
    long accountId = connected();
    Deque<String> upcoming = upcomingSessions(sandbox.dump());
    List<JsonObject> events = sandbox.dump().getJsonArray("events").getValuesAs(JsonObject.class);

    // Node 2 adopts the connection on its next tick; let it copy a good part of the people.
    String holder = awaitUntil(Duration.ofMinutes(2), () -> holder(accountId), "a lease");
    awaitUntil(
        Duration.ofMinutes(4),
        () ->
            count("SELECT COUNT(*) FROM copy_person WHERE account_id = ?", accountId) > 3_000
                ? ""
                : null,
        "3,000 people copied");
    changeUnderneath(sandbox, upcoming, events.get(1), events.get(2));
    awaitUntil(
        Duration.ofSeconds(30),
        () ->
            count(
                        "SELECT COUNT(*) FROM copy_scope WHERE account_id = ?"
                            + " AND reading_page IS NOT NULL",
                        accountId)
                    > 0
                ? ""
                : null,
        "a list half read");
    node2.kill();
    Instant killed = Instant.now();

    changeUnderneath(sandbox, upcoming, events.get(3), events.get(4));
    String taker =
        awaitUntil(
            Duration.ofSeconds(75),
            () -> {
              String now = holder(accountId);
              return now != null && !now.equals(holder) ? now : null;
            },
            "node 1 taking the connection over");
    Duration takeover = Duration.between(killed, Instant.now());
    System.out.printf("SyncChaosIT: taken over by %s after %s%n", taker, takeover);
    assertTrue(takeover.compareTo(Duration.ofMinutes(1)) <= 0, "taken over after " + takeover);
    awaitUntil(
        Duration.ofMinutes(8),
        () ->
            count(
                        "SELECT COUNT(*) FROM copy_sync WHERE account_id = ?"
                            + " AND backfill_done_at IS NOT NULL",
                        accountId)
                    > 0
                ? ""
                : null,
        "the backfill done");

    // The next cycle: as when a day has passed, every list is read in full (deletions included).
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE copy_scope SET next_read_at = ?, full_at = NULL WHERE account_id = ?")) {
      s.setLong(1, System.currentTimeMillis());
      s.setLong(2, accountId);
      s.executeUpdate();
    }
    awaitUntil(Duration.ofMinutes(8), () -> nothingDue(accountId) ? "" : null, "the cycle done");

    List<String> differences;
    try (Connection c = database.connect()) {
      differences = CopyDifferences.between(sandbox.dump(), c, accountId);
    }
    assertTrue(differences.isEmpty(), () -> CopyDifferences.describe(differences, 60));
    assertEquals(0, sandbox.counter("rate_limited"), "calls answered 429");
    System.out.printf("SyncChaosIT: %d API calls in all%n", sandbox.counter("api_requests"));
  }

  /** Registrations, a session run to its end, an event edited, one deleted, a session cancelled. */
  private static void changeUnderneath(
      SandboxControl sandbox, Deque<String> upcoming, JsonObject edited, JsonObject deleted) {
    sandbox.register(upcoming.pop(), 5);
    String ran = upcoming.pop();
    sandbox.startSession(ran);
    sandbox.endSession(ran, 50);
    sandbox.cancelSession(upcoming.pop());
    sandbox.editEvent(edited.getString("id"), Map.of());
    sandbox.deleteEvent(deleted.getString("id"));
  }

  private static Deque<String> upcomingSessions(JsonObject dump) {
    Deque<String> ids = new ArrayDeque<>();
    for (JsonObject s : dump.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
      JsonObject a = s.getJsonObject("attributes");
      if ("upcoming".equals(a.getString("status", null))
          && a.isNull("breakout_room_parent_session_id")) {
        ids.add(s.getString("id"));
      }
    }
    return ids;
  }

  private boolean nothingDue(long accountId) throws Exception {
    long now = System.currentTimeMillis();
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM copy_scope WHERE account_id = ?"
                    + " AND (next_read_at <= ? OR reading_page IS NOT NULL)")) {
      s.setLong(1, accountId);
      s.setLong(2, now);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1) == 0 && holder(accountId) == null;
      }
    }
  }

  private String holder(long accountId) throws Exception {
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT lease_holder FROM copy_sync WHERE account_id = ? AND lease_until > ?")) {
      s.setLong(1, accountId);
      s.setLong(2, System.currentTimeMillis());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private long count(String sql, long accountId) throws Exception {
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private interface Probe {
    String value() throws Exception;
  }

  /** Polls every 200 ms until the probe answers a value, which it returns. */
  private String awaitUntil(Duration atMost, Probe probe, String what) throws Exception {
    Instant end = Instant.now().plus(atMost);
    while (Instant.now().isBefore(end)) {
      String value = probe.value();
      if (value != null) {
        return value;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no " + what + " within " + atMost + "\n" + node1.logTail() + "\n" + node2.logTail());
  }

  /** Signs up and connects on node 1; the account's id. */
  private long connected() throws Exception {
    assertEquals(303, new Browser(node1.base()).signUp(USER, PASSWORD).statusCode());
    Browser browser = new Browser(node1.base());
    browser.get("/login");
    HttpResponse<String> signedIn =
        browser.post("/login", Map.of("username", USER, "password", PASSWORD));
    assertEquals(303, signedIn.statusCode(), signedIn.body());
    browser.get("/connect");
    HttpResponse<String> started =
        browser.post("/connect", List.of(Map.entry("scope", "events:read")));
    assertEquals(303, started.statusCode(), started.body());
    String location = started.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> callback = browser.get(SandboxConsent.approve(browser, location));
    assertEquals(303, callback.statusCode(), callback.body());
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement("SELECT id FROM account WHERE username_key = ?")) {
      s.setString(1, USER);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), "the account");
        long id = r.getLong(1);
        return id;
      }
    }
  }
}
