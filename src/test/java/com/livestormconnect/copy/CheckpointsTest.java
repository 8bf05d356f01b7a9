package com.livestormconnect.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.json.JsonObject;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read of a list resumed from its checkpoint after the node died (a new {@link Checkpoints} on
 * the same database): no page skipped, none announced twice, and rows deleted only after a complete
 * full re-list.
 */
class CheckpointsTest {
  private static final long ACCOUNT = 1;
  private static final String NODE = "node-a";
  private static final Scope PEOPLE = Scope.people("s1");

  private DataSource derby;
  private final List<CopyChanged> announced = new ArrayList<>();

  @BeforeEach
  void database() throws SQLException {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:checkpoints-" + UUID.randomUUID());
    ds.setCreateDatabase("create");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO account (id, username, username_key, password_hash, created_at)"
              + " VALUES (1, 'u', 'u', 'x', CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO livestorm_connection (id, account_id, granted_scopes, access_token, status,"
              + " created_at, updated_at, version) VALUES ('c1', 1, 'events:read', 'v1.x',"
              + " 'CONNECTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
      assertTrue(CopyRows.create(c, ACCOUNT));
    }
    derby = ds;
  }

  /** A node's Checkpoints, as CDI would make it, on the test database. */
  private Checkpoints node() {
    Changes changes = new Changes();
    changes.dataSource = derby;
    changes.clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    changes.pending = new Recorder();
    Checkpoints checkpoints = new Checkpoints();
    checkpoints.dataSource = derby;
    checkpoints.changes = changes;
    return checkpoints;
  }

  private static List<JsonObject> people(int from, int to, long updatedAt) {
    return IntStream.range(from, to)
        .mapToObj(i -> CopyRowsTest.person("p" + i, "s1", updatedAt, false))
        .toList();
  }

  @Test
  void aReadResumesAtTheFirstPageNotCommitted() {
    Checkpoints first = node();
    assertTrue(first.takeLease(ACCOUNT, NODE, 0, Long.MAX_VALUE));
    ScopeState state = first.begin(ACCOUNT, PEOPLE, true, null, null, 100);
    first.commitPage(
        ACCOUNT, NODE, Long.MAX_VALUE, state, 0, people(0, 50, 10), 120, false, true, true, 200);
    // The node dies here: page 1 was fetched but never committed.

    Checkpoints second = node();
    ScopeState resumed = second.due(ACCOUNT, 300, 10).get(0);
    assertEquals(PEOPLE, resumed.scope());
    assertEquals(1, resumed.readingPage(), "resumes at the first page not committed");
    assertEquals(50, resumed.readingItems());
    assertEquals(120L, resumed.readingCount());
    ScopeState afterOne =
        second
            .commitPage(
                ACCOUNT,
                NODE,
                Long.MAX_VALUE,
                resumed,
                1,
                people(50, 100, 10),
                120,
                false,
                true,
                true,
                300)
            .state();
    ScopeState done =
        second
            .commitPage(
                ACCOUNT,
                NODE,
                Long.MAX_VALUE,
                afterOne,
                2,
                people(100, 120, 10),
                120,
                true,
                true,
                true,
                300)
            .state();
    assertEquals(Checkpoints.ALL_PAGES_READ, done.readingPage());
    assertEquals(120, done.readingItems());
    second.finish(ACCOUNT, NODE, done, null, 400);

    assertEquals(120, announced.size(), "every row announced once");
    assertEquals(120, announced.stream().map(CopyChanged::id).distinct().count());
    assertTrue(new LocalCopy(derby).asOf(ACCOUNT, PEOPLE).isPresent(), "complete");
    assertTrue(second.due(ACCOUNT, 500, 10).isEmpty(), "nothing left to read");
  }

  /** A node holding the lease, after a complete read of p0, p1 and p2. */
  private Checkpoints threePeopleRead() {
    Checkpoints node = node();
    node.takeLease(ACCOUNT, NODE, 0, Long.MAX_VALUE);
    ScopeState first = node.begin(ACCOUNT, PEOPLE, true, null, null, 100);
    first =
        node.commitPage(
                ACCOUNT, NODE, Long.MAX_VALUE, first, 0, people(0, 3, 10), 3, true, true, true, 100)
            .state();
    node.finish(ACCOUNT, NODE, first, null, 100);
    return node;
  }

  @Test
  void onlyACompleteFullReListDeletes() {
    Checkpoints node = threePeopleRead();
    announced.clear();

    // A re-list that stops half-way (given up) deletes nothing.
    ScopeState partial = node.begin(ACCOUNT, PEOPLE, true, null, null, 1000);
    node.commitPage(
        ACCOUNT, NODE, Long.MAX_VALUE, partial, 0, people(0, 1, 10), 2, false, true, true, 1000);
    node.abandon(ACCOUNT, PEOPLE, "the list changed while it was read", 1000, null);
    assertEquals(3, count());

    // A complete one without p2 deletes p2, once.
    ScopeState full = node.begin(ACCOUNT, PEOPLE, true, null, null, 2000);
    full =
        node.commitPage(
                ACCOUNT, NODE, Long.MAX_VALUE, full, 0, people(0, 2, 10), 2, true, true, true, 2000)
            .state();
    node.finish(ACCOUNT, NODE, full, null, 2000);
    assertEquals(2, count());
    assertEquals(1, announced.size());
    assertEquals(CopyChanged.Change.DELETED, announced.get(0).change());
    assertEquals("p2", announced.get(0).id());
  }

  @Test
  void aFullReadWithRowsRefusedDeletesNothingAndItsProblemStays() {
    Checkpoints node = threePeopleRead();

    // p2 comes back with an id the copy cannot keep: it is refused, so p2 looks unseen.
    List<JsonObject> page = new ArrayList<>(people(0, 2, 20));
    page.add(CopyRowsTest.person("x".repeat(100_000), "s1", 20, false));
    ScopeState full = node.begin(ACCOUNT, PEOPLE, true, null, null, 2000);
    Checkpoints.PageDone done =
        node.commitPage(ACCOUNT, NODE, Long.MAX_VALUE, full, 0, page, 3, true, true, true, 2000);
    assertEquals(1, done.refused());
    node.problem(ACCOUNT, PEOPLE, "1 row(s) not kept: " + done.refusal(), 2000);
    node.finish(ACCOUNT, NODE, done.state(), null, 2000);

    assertEquals(3, count(), "nothing deleted by a read that refused a row");
    CopyStatus status = new LocalCopy(derby).status(ACCOUNT);
    assertTrue(
        status.problem() != null && status.problem().startsWith("1 row(s) not kept"),
        "the problem stays after the read: " + status);
  }

  /** A complete full read of {@code sessions}: e1's one session, s1, at {@code at}. */
  private static void readInFull(Checkpoints node, Scope sessions, long at) {
    ScopeState read = node.begin(ACCOUNT, sessions, true, null, null, at);
    read =
        node.commitPage(
                ACCOUNT,
                NODE,
                Long.MAX_VALUE,
                read,
                0,
                List.of(CopyRowsTest.session("s1", "e1", 10)),
                1,
                true,
                true,
                false,
                at)
            .state();
    node.finish(ACCOUNT, NODE, read, null, at);
  }

  @Test
  void aListWhoseParentIsGoneHasTheListHoldingItReadInFull() throws SQLException {
    Checkpoints node = node();
    node.takeLease(ACCOUNT, NODE, 0, Long.MAX_VALUE);
    Scope sessions = Scope.sessions("e1");
    readInFull(node, sessions, 100);
    assertTrue(node.due(ACCOUNT, 200, 10).isEmpty(), "nothing due");

    // s1's people answer 404: e1's sessions are read again, in full, now.
    node.parentGone(ACCOUNT, PEOPLE, 300);
    List<ScopeState> due = node.due(ACCOUNT, 300, 10);
    assertEquals(List.of(sessions), due.stream().map(ScopeState::scope).toList());
    assertNull(due.get(0).fullAt(), "read in full");
    assertEquals(Checkpoints.GONE, new LocalCopy(derby).status(ACCOUNT).problem());

    // e1 still lists s1 and s1's people still answer 404: asked once a day, not on every turn.
    readInFull(node, sessions, 400);
    node.parentGone(ACCOUNT, PEOPLE, 500);
    assertTrue(node.due(ACCOUNT, 500, 10).isEmpty(), "not asked again the same day");
    long dayLater = 300 + Cadence.FULL_EVERY.toMillis() + 1;
    node.parentGone(ACCOUNT, PEOPLE, dayLater);
    assertEquals(
        List.of(sessions),
        node.due(ACCOUNT, dayLater, 10).stream().map(ScopeState::scope).toList(),
        "asked again a day later");

    // The people of a session the copy does not hold: nothing to re-list, the list is dropped.
    Scope stranger = Scope.people("s-unknown");
    node.parentGone(ACCOUNT, stranger, dayLater);
    try (Connection c = derby.getConnection();
        Statement st = c.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT COUNT(*) FROM copy_scope WHERE scope_key = '" + stranger.key() + "'")) {
      r.next();
      assertEquals(0, r.getInt(1), "no list waits on the unknown session");
    }
  }

  @Test
  void aNodeThatLostItsLeaseCommitsNothing() {
    Checkpoints a = node();
    assertTrue(a.takeLease(ACCOUNT, "node-a", 0, 1000));
    assertFalse(a.takeLease(ACCOUNT, "node-b", 500, 1500), "held");
    assertTrue(a.takeLease(ACCOUNT, "node-b", 1001, 2000), "expired: taken over");
    ScopeState state = a.begin(ACCOUNT, PEOPLE, true, null, null, 1001);
    try {
      a.commitPage(ACCOUNT, "node-a", 3000, state, 0, people(0, 5, 10), 5, true, true, true, 1100);
    } catch (Checkpoints.LeaseLost expected) {
      assertEquals(0, count());
      return;
    }
    throw new AssertionError("node-a committed without its lease");
  }

  private long count() {
    try (Connection c = derby.getConnection();
        Statement s = c.createStatement();
        var r = s.executeQuery("SELECT COUNT(*) FROM copy_person")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Announces at once (no transaction here): what ChangeNotices would fire after commit. */
  private final class Recorder implements Event<PendingChange> {
    @Override
    public void fire(PendingChange event) {
      announced.add(event.change());
    }

    @Override
    public <U extends PendingChange> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends PendingChange> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<PendingChange> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends PendingChange> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends PendingChange> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
