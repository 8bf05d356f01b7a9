package com.livestormconnect.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.copy.CopyChanged.Change;
import com.livestormconnect.copy.CopyChanged.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The copy's tables on an in-memory Derby with the real migrations: newest wins by {@code
 * updated_at}, the same version twice announces nothing, one account never reads another's rows,
 * and a disconnection leaves nothing behind.
 */
class CopyRowsTest {
  private static DataSource derby;
  private static final long ALICE = 1;
  private static final long BOB = 2;

  private Connection c;

  @BeforeAll
  static void migrate() throws SQLException {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:copy-" + UUID.randomUUID());
    ds.setCreateDatabase("create");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    derby = ds;
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (long id : new long[] {ALICE, BOB}) {
        s.executeUpdate(
            "INSERT INTO account (id, username, username_key, password_hash, created_at) VALUES ("
                + id
                + ", 'u"
                + id
                + "', 'u"
                + id
                + "', 'x', CURRENT_TIMESTAMP)");
        s.executeUpdate(
            "INSERT INTO livestorm_connection (id, account_id, granted_scopes, access_token,"
                + " status, created_at, updated_at, version) VALUES ('c"
                + id
                + "', "
                + id
                + ", 'events:read', 'v1.x', 'CONNECTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
      }
    }
  }

  @BeforeEach
  void empty() throws SQLException {
    c = derby.getConnection();
    CopyRows.deleteAll(c, ALICE);
    CopyRows.deleteAll(c, BOB);
    assertTrue(CopyRows.create(c, ALICE));
    assertTrue(CopyRows.create(c, BOB));
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws SQLException {
    c.close();
  }

  static JsonObject person(String id, String session, long updatedAt, boolean attended) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("type", "people")
        .add(
            "attributes",
            Json.createObjectBuilder()
                .add("first_name", "Ada")
                .add("last_name", "Lovelace")
                .add("email", "ada@example.com")
                .add("role", "participant")
                .add("updated_at", updatedAt)
                .add(
                    "registrant_detail",
                    Json.createObjectBuilder()
                        .add("session_id", session)
                        .add("attended", attended)
                        .add("created_at", 1_700_000_000)))
        .build();
  }

  static JsonObject event(String id, long updatedAt, String title) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("type", "events")
        .add(
            "attributes",
            Json.createObjectBuilder().add("title", title).add("updated_at", updatedAt))
        .build();
  }

  static JsonObject session(String id, String eventId, long updatedAt) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("type", "sessions")
        .add(
            "attributes",
            Json.createObjectBuilder().add("event_id", eventId).add("updated_at", updatedAt))
        .build();
  }

  private CopyRows.Put put(long account, String type, JsonObject resource) throws SQLException {
    return CopyRows.put(c, account, Incoming.of(type, resource, null), 1000);
  }

  @Test
  void newestWinsByUpdatedAt() throws SQLException {
    CopyRows.Put created = put(ALICE, "people", person("p1", "s1", 100, false));
    assertEquals(Applied.CREATED, created.applied());
    assertEquals(Change.CREATED, created.change().change());
    assertEquals("s1", created.change().sessionId());

    CopyRows.Put newer = put(ALICE, "people", person("p1", "s1", 200, true));
    assertEquals(Applied.UPDATED, newer.applied());
    assertEquals(Set.of("registrant_detail.attended", "updated_at"), newer.change().fields());
    assertEquals(Instant.ofEpochSecond(200), newer.change().updatedAt());

    CopyRows.Put older = put(ALICE, "people", person("p1", "s1", 150, false));
    assertEquals(Applied.OLDER, older.applied());
    assertNull(older.change());
    assertTrue(held("p1", "s1").contains("\"attended\":true"), "the newer row stays");
  }

  @Test
  void theSameVersionTwiceAnnouncesNothing() throws SQLException {
    assertEquals(Applied.CREATED, put(ALICE, "events", event("e1", 100, "Launch")).applied());
    CopyRows.Put again = put(ALICE, "events", event("e1", 100, "Launch"));
    assertEquals(Applied.UNCHANGED, again.applied());
    assertNull(again.change());
    // Same updated_at, different content (two edits within one second): the one read last wins.
    assertEquals(Applied.UPDATED, put(ALICE, "events", event("e1", 100, "Launch!")).applied());
  }

  @Test
  void aDeliveryTiedWithTheRowHeldIsNotApplied() throws SQLException {
    assertEquals(Applied.CREATED, put(ALICE, "people", person("p1", "s1", 100, true)).applied());
    // Delivered out of order: an earlier state of the same second must not replace the row.
    assertEquals(Applied.TIED, delivered(person("p1", "s1", 100, false)).applied());
    assertNull(delivered(person("p1", "s1", 100, false)).change());
    assertTrue(held("p1", "s1").contains("\"attended\":true"), "the row held stays");
    assertEquals(Applied.UNCHANGED, delivered(person("p1", "s1", 100, true)).applied());
    assertEquals(Applied.UPDATED, delivered(person("p1", "s1", 101, false)).applied());
  }

  private CopyRows.Put delivered(JsonObject person) throws SQLException {
    return CopyRows.put(c, ALICE, Incoming.of("people", person, null), 1000, true);
  }

  @Test
  void oneAccountNeverReadsAnothersRows() throws SQLException {
    put(ALICE, "events", event("e1", 100, "Alice's"));
    put(BOB, "events", event("e1", 100, "Bob's"));
    LocalCopy copy = new LocalCopy(derby);
    assertEquals("Alice's", copy.event(ALICE, "e1").orElseThrow().value().title());
    assertEquals("Bob's", copy.event(BOB, "e1").orElseThrow().value().title());
    put(ALICE, "events", event("only-alice", 100, "Alice's only"));
    put(BOB, "events", event("only-bob", 100, "Bob's only"));
    assertTrue(copy.event(BOB, "only-alice").isEmpty());
    assertTrue(copy.event(ALICE, "only-bob").isEmpty());
    // Lists answer only once read in full, and then only the account's own rows.
    assertTrue(copy.events(ALICE, EventFilter.ALL, 0, 50).isEmpty());
    completeScope(ALICE, Scope.events());
    CopyPage<com.livestormconnect.livestorm.Event> page =
        copy.events(ALICE, EventFilter.ALL, 0, 50).orElseThrow();
    assertEquals(2, page.total());
    assertTrue(page.items().stream().allMatch(e -> e.title().startsWith("Alice's")));
  }

  @Test
  void forgettingAnEventForgetsItsSessionsAndPeople() throws SQLException {
    put(ALICE, "events", event("e1", 100, "Launch"));
    put(ALICE, "sessions", session("s1", "e1", 100));
    put(ALICE, "people", person("p1", "s1", 100, false));
    List<CopyChanged> gone = CopyRows.forget(c, ALICE, Kind.EVENT, "e1", null);
    assertEquals(List.of(Kind.EVENT, Kind.SESSION), gone.stream().map(CopyChanged::kind).toList());
    assertNull(held("p1", "s1"));
    assertTrue(CopyRows.forget(c, ALICE, Kind.EVENT, "e1", null).isEmpty(), "once only");
  }

  @Test
  void aDisconnectionLeavesNothing() throws SQLException {
    put(ALICE, "events", event("e1", 100, "Launch"));
    put(ALICE, "people", person("p1", "s1", 100, false));
    put(BOB, "people", person("p1", "s1", 100, false));
    CopyRows.deleteAll(c, ALICE);
    for (String table :
        List.of("copy_event", "copy_person", "copy_sync", "copy_scope", "copy_organization")) {
      assertEquals(0, count(table, ALICE), table);
    }
    assertEquals(1, count("copy_person", BOB));
  }

  @Test
  void refusesWhatItCannotKeep() {
    String longId = "x".repeat(100_000);
    assertThrows(
        IllegalArgumentException.class, () -> Incoming.of("events", event(longId, 1, "t"), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> Incoming.of("people", event("p1", 1, "no registrant detail"), null));
    assertThrows(
        IllegalArgumentException.class, () -> Incoming.of("webhooks", event("w", 1, "t"), null));
    assertFalse(
        Incoming.of("people", person("p1", "s1", 1, false), "s9").sessionId().equals("s1"),
        "the session the list was read from wins");
  }

  private void completeScope(long account, Scope scope) throws SQLException {
    CopyRows.ensureScope(c, account, scope);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE copy_scope SET complete = TRUE, as_of = 5 WHERE account_id = ?"
                + " AND scope_key = ?")) {
      s.setLong(1, account);
      s.setString(2, scope.key());
      s.executeUpdate();
    }
  }

  private String held(String id, String session) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT resource FROM copy_person WHERE account_id = ? AND session_id = ? AND id = ?")) {
      s.setLong(1, ALICE);
      s.setString(2, session);
      s.setString(3, id);
      try (var r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private long count(String table, long account) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE account_id = ?")) {
      s.setLong(1, account);
      try (var r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
