package com.livestormconnect.copy;

import com.livestormconnect.copy.CopyChanged.Kind;
import com.livestormconnect.database.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The sync's writes, each one transaction: a page's rows are committed together with the checkpoint
 * that says the page is done and with the renewal of the node's lease on the account, so a node
 * killed at any moment leaves either the page and its checkpoint or neither, and the next node
 * resumes at the first page not committed (no gap; a page read twice changes nothing the second
 * time, so no duplicate either). A node that lost its lease commits nothing.
 */
@ApplicationScoped
class Checkpoints {
  /** A node's lease on an account was taken over (it was too slow to renew it): stop. */
  static final class LeaseLost extends RuntimeException {
    LeaseLost(long accountId) {
      super("lease on account " + accountId + " lost");
    }
  }

  /** The checkpoint of a read whose every page is committed and that only has to finish. */
  static final int ALL_PAGES_READ = -1;

  /** What a committed page held. */
  record PageDone(ScopeState state, int items, int refused, String refusal) {}

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject Changes changes;

  @Inject Event<PendingChange> pending;

  // ---- leases

  /**
   * Takes the account's lease for {@code holder} until {@code until} when it is free, expired or
   * already {@code holder}'s: one conditional update, which the database runs one at a time per row
   * on every node (a second node's update waits for the first and then finds the lease taken).
   */
  @Transactional
  boolean takeLease(long accountId, String holder, long now, long until) {
    return update(
            "UPDATE copy_sync SET lease_holder = ?, lease_until = ? WHERE account_id = ?"
                + " AND (lease_holder IS NULL OR lease_until IS NULL OR lease_until < ?"
                + " OR lease_holder = ?)",
            holder,
            until,
            accountId,
            now,
            holder)
        > 0;
  }

  @Transactional
  boolean renewLease(long accountId, String holder, long until) {
    return update(
            "UPDATE copy_sync SET lease_until = ? WHERE account_id = ? AND lease_holder = ?",
            until,
            accountId,
            holder)
        > 0;
  }

  @Transactional
  void releaseLease(long accountId, String holder) {
    update(
        "UPDATE copy_sync SET lease_holder = NULL, lease_until = NULL"
            + " WHERE account_id = ? AND lease_holder = ?",
        accountId,
        holder);
  }

  // ---- what to do

  /**
   * Accounts with work: when {@code adoptNewConnections}, connections the copy has not met yet get
   * their row and a due events list (their backfill); then every account with a list due or a read
   * in progress.
   */
  @Transactional
  List<Long> accountsWithWork(long now, boolean adoptNewConnections) {
    try (Connection c = dataSource.getConnection()) {
      for (long accountId :
          !adoptNewConnections
              ? List.<Long>of()
              : longs(
                  c,
                  "SELECT account_id FROM livestorm_connection WHERE account_id NOT IN"
                      + " (SELECT account_id FROM copy_sync)")) {
        start(c, accountId, now);
      }
      return longs(
          c,
          "SELECT DISTINCT s.account_id FROM copy_scope s JOIN livestorm_connection l"
              + " ON l.account_id = s.account_id WHERE s.next_read_at <= "
              + now
              + " OR s.reading_page IS NOT NULL");
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  private static void start(Connection c, long accountId, long now) throws SQLException {
    if (!CopyRows.create(c, accountId)) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE copy_sync SET backfill_started_at = ?, backfill_done_at = NULL"
                + " WHERE account_id = ?")) {
      s.setLong(1, now);
      s.setLong(2, accountId);
      s.executeUpdate();
    }
    CopyRows.ensureScope(c, accountId, Scope.events());
    due(c, accountId, Scope.events(), now);
  }

  /** Everything read again in full, as for a new connection (the "backfill again" button). */
  @Transactional
  void backfillAgain(long accountId, long now) {
    try (Connection c = dataSource.getConnection()) {
      if (!changes.locked(c, accountId)) {
        return;
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE copy_scope SET full_at = NULL, next_read_at = ?, reading_page = NULL"
                  + " WHERE account_id = ?")) {
        s.setLong(1, now);
        s.setLong(2, accountId);
        s.executeUpdate();
      }
      start(c, accountId, now);
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /**
   * The account's lists to read now: reads in progress first, then the events, the sessions and the
   * people (a backfill goes down the tree), each by how long it has waited.
   */
  @Transactional
  List<ScopeState> due(long accountId, long now, int max) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + STATE_COLUMNS
                    + " FROM copy_scope WHERE account_id = ?"
                    + " AND (next_read_at <= ? OR reading_page IS NOT NULL)")) {
      s.setLong(1, accountId);
      s.setLong(2, now);
      List<ScopeState> due = new ArrayList<>();
      List<Long> waited = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          due.add(state(r));
          Long at = CopyRows.nullableLong(r, 13);
          waited.add(at == null ? now : at);
        }
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < due.size(); i++) {
        order.add(i);
      }
      order.sort(
          java.util.Comparator.<Integer>comparingInt(i -> due.get(i).reading() ? 0 : 1)
              .thenComparingInt(i -> due.get(i).scope().kind().ordinal())
              .thenComparingLong(waited::get));
      return order.stream().limit(max).map(due::get).toList();
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  private static final String STATE_COLUMNS =
      "kind, parent_id, as_of, complete, full_at, stale_since, reading_page, reading_full,"
          + " reading_since, reading_until, reading_started_at, reading_count, next_read_at,"
          + " reading_items";

  private static ScopeState state(ResultSet r) throws SQLException {
    Long page = CopyRows.nullableLong(r, 7);
    Long items = CopyRows.nullableLong(r, 14);
    return new ScopeState(
        Scope.fromRow(r.getString(1), r.getString(2)),
        CopyRows.instant(r, 3),
        r.getBoolean(4),
        CopyRows.instant(r, 5),
        CopyRows.instant(r, 6),
        page == null ? null : page.intValue(),
        r.getBoolean(8),
        CopyRows.instant(r, 9),
        CopyRows.instant(r, 10),
        CopyRows.instant(r, 11),
        CopyRows.nullableLong(r, 12),
        items == null ? 0 : items);
  }

  /** Whether a session is upcoming or live, by what the copy holds of it. */
  @Transactional
  boolean activeSession(long accountId, String sessionId, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT status, start_at FROM copy_session WHERE account_id = ? AND id = ?")) {
      s.setLong(1, accountId);
      s.setString(2, sessionId);
      try (ResultSet r = s.executeQuery()) {
        return !r.next() || Cadence.active(r.getString(1), CopyRows.instant(r, 2), now);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  // ---- reading a list

  /** Starts a read of a list: its checkpoint is page 0 of this window. */
  @Transactional
  ScopeState begin(
      long accountId, Scope scope, boolean full, Instant since, Instant until, long now) {
    try (Connection c = dataSource.getConnection()) {
      CopyRows.ensureScope(c, accountId, scope);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE copy_scope SET reading_page = 0, reading_full = ?, reading_since = ?,"
                  + " reading_until = ?, reading_started_at = ?, reading_count = NULL,"
                  + " reading_items = 0 WHERE account_id = ? AND scope_key = ?")) {
        s.setBoolean(1, full);
        CopyRows.setMillis(s, 2, since);
        CopyRows.setMillis(s, 3, until);
        s.setLong(4, now);
        s.setLong(5, accountId);
        s.setString(6, scope.key());
        s.executeUpdate();
      }
      return read(c, accountId, scope);
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  private static ScopeState read(Connection c, long accountId, Scope scope) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + STATE_COLUMNS
                + " FROM copy_scope WHERE account_id = ? AND scope_key = ?")) {
      s.setLong(1, accountId);
      s.setString(2, scope.key());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("no scope row");
        }
        return state(r);
      }
    }
  }

  /**
   * Commits one page: its rows (newest wins), the lists they open (an event's sessions, a session's
   * people; due now when their parent changed), the call, and, when {@code tracked}, the checkpoint
   * (page done, items counted, Livestorm's record_count as first announced). With a {@code holder},
   * only while that node holds the lease, which is renewed until {@code leaseUntil}. With {@code
   * openChildren} false the lists under the rows are only made known, not due: a person's refresh
   * re-reads just its list, and the sync reads a new row's list when it next reads the parent (a
   * list never read is due then).
   */
  @Transactional
  PageDone commitPage(
      long accountId,
      String holder,
      long leaseUntil,
      ScopeState state,
      int page,
      List<JsonObject> items,
      long recordCount,
      boolean last,
      boolean tracked,
      boolean openChildren,
      long now) {
    try (Connection c = dataSource.getConnection()) {
      if (holder != null) {
        if (update(
                c,
                "UPDATE copy_sync SET lease_until = ?, calls = calls + 1 WHERE account_id = ?"
                    + " AND lease_holder = ?",
                leaseUntil,
                accountId,
                holder)
            == 0) {
          throw new LeaseLost(accountId);
        }
      } else {
        if (!changes.locked(c, accountId)) {
          throw new LeaseLost(accountId);
        }
        update(c, "UPDATE copy_sync SET calls = calls + 1 WHERE account_id = ?", accountId);
      }
      Scope scope = state.scope();
      CopyRows.ensureScope(c, accountId, scope);
      String type =
          switch (scope.kind()) {
            case EVENTS -> "events";
            case SESSIONS -> "sessions";
            case PEOPLE -> "people";
          };
      int refused = 0;
      String refusal = null;
      for (JsonObject item : items) {
        Incoming incoming;
        try {
          incoming =
              Incoming.of(type, item, scope.kind() == Scope.Kind.PEOPLE ? scope.parentId() : null);
        } catch (IllegalArgumentException e) {
          refused++;
          refusal = e.getMessage();
          continue;
        }
        CopyRows.Put put = CopyRows.put(c, accountId, incoming, now);
        changes.announce(put.change());
        boolean changed = put.change() != null;
        if (incoming.kind() == Kind.EVENT) {
          opens(c, accountId, Scope.sessions(incoming.id()), changed, openChildren, now);
        } else if (incoming.kind() == Kind.SESSION) {
          opens(c, accountId, Scope.people(incoming.id()), changed, openChildren, now);
        }
      }
      if (tracked) {
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE copy_scope SET reading_page = ?, reading_items = reading_items + ?,"
                    + " reading_count = COALESCE(reading_count, ?), calls = calls + 1"
                    + " WHERE account_id = ? AND scope_key = ?")) {
          // After the last page the read only has to be finished: a node that dies before that
          // finishes it without asking for a page past the end (Livestorm answers 400).
          s.setInt(1, last ? ALL_PAGES_READ : page + 1);
          s.setLong(2, items.size());
          s.setLong(3, recordCount);
          s.setLong(4, accountId);
          s.setString(5, scope.key());
          s.executeUpdate();
        }
      }
      return new PageDone(read(c, accountId, scope), items.size(), refused, refusal);
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /** A list under a row just read: known from now on, and due now when its parent changed. */
  private static void opens(
      Connection c, long accountId, Scope child, boolean changed, boolean due, long now)
      throws SQLException {
    CopyRows.ensureScope(c, accountId, child);
    if (!due) {
      return;
    }
    if (changed) {
      due(c, accountId, child, now);
    } else {
      // Never read yet (a backfill that resumed after the parent's page was committed): due.
      update(
          c,
          "UPDATE copy_scope SET next_read_at = ? WHERE account_id = ? AND scope_key = ?"
              + " AND complete = FALSE AND next_read_at IS NULL",
          now,
          accountId,
          child.key());
    }
  }

  private static void due(Connection c, long accountId, Scope scope, long now) throws SQLException {
    update(
        c,
        "UPDATE copy_scope SET next_read_at = ? WHERE account_id = ? AND scope_key = ?"
            + " AND (next_read_at IS NULL OR next_read_at > ?)",
        now,
        accountId,
        scope.key(),
        now);
  }

  /**
   * Ends a read that saw every row Livestorm announced: the list is complete as of the read's
   * start, and after a full read every row of the list not seen since that start is deleted (with
   * what hangs from it), announced as deleted. Marks made before the read began are answered.
   */
  @Transactional
  int finish(long accountId, String holder, ScopeState state, Instant nextReadAt, long now) {
    return finish(accountId, holder, state, nextReadAt, now, true);
  }

  /**
   * As above; a refresh ({@code tracked} false) read outside the scope's checkpoint and leaves a
   * read in progress of the scheduled sync alone. Answers how many rows the full read removed.
   */
  @Transactional
  int finish(
      long accountId,
      String holder,
      ScopeState state,
      Instant nextReadAt,
      long now,
      boolean tracked) {
    try (Connection c = dataSource.getConnection()) {
      if (holder != null
          ? update(
                  c,
                  "UPDATE copy_sync SET calls = calls WHERE account_id = ? AND lease_holder = ?",
                  accountId,
                  holder)
              == 0
          : !changes.locked(c, accountId)) {
        throw new LeaseLost(accountId);
      }
      Instant started = state.readingStartedAt();
      String key = state.scope().key();
      long start = started.toEpochMilli();
      // Rows refused during the read (an id or a resource the copy cannot keep) recorded a
      // problem: it stays shown, and a full read deletes nothing, since a refused row that the
      // copy held in an earlier, acceptable form would look gone.
      boolean refusals =
          !longs(
                  c,
                  "SELECT problem_at FROM copy_scope WHERE account_id = ? AND scope_key = ?"
                      + " AND problem_at >= ?",
                  accountId,
                  key,
                  start)
              .isEmpty();
      int removed = 0;
      if (state.readingFull() && !refusals) {
        for (String[] gone : unseen(c, accountId, state.scope(), started.toEpochMilli())) {
          removed++;
          CopyRows.forget(c, accountId, Kind.valueOf(gone[0]), gone[1], gone[2])
              .forEach(changes::announce);
        }
      }
      Instant asOf = state.readingUntil() != null ? state.readingUntil() : started;
      // A mark made while the read ran may concern a change the read missed: it stays due.
      update(
          c,
          "UPDATE copy_scope SET stale_since = NULL WHERE account_id = ? AND scope_key = ?"
              + " AND stale_since <= ?",
          accountId,
          key,
          start);
      update(
          c,
          "UPDATE copy_scope SET next_read_at = ? WHERE account_id = ? AND scope_key = ?"
              + " AND stale_since IS NULL",
          nextReadAt == null ? NULL_NUMBER : (Object) nextReadAt.toEpochMilli(),
          accountId,
          key);
      if (state.readingFull()) {
        update(
            c,
            "UPDATE copy_scope SET full_at = ? WHERE account_id = ? AND scope_key = ?",
            start,
            accountId,
            key);
      }
      update(
          c,
          "UPDATE copy_scope SET as_of = ?, complete = TRUE"
              + (refusals ? "" : ", problem = NULL, problem_at = NULL")
              + " WHERE account_id = ? AND scope_key = ?",
          asOf.toEpochMilli(),
          accountId,
          key);
      if (tracked) {
        update(
            c,
            "UPDATE copy_scope SET reading_page = NULL, reading_full = NULL,"
                + " reading_since = NULL, reading_until = NULL, reading_started_at = NULL,"
                + " reading_count = NULL, reading_items = NULL"
                + " WHERE account_id = ? AND scope_key = ?",
            accountId,
            key);
      }
      if (state.scope().kind() == Scope.Kind.EVENTS) {
        // The sessions of all events are watched for changes from here on.
        CopyRows.ensureScope(c, accountId, Scope.allSessions());
        update(
            c,
            "UPDATE copy_scope SET complete = TRUE, as_of = COALESCE(as_of, ?),"
                + " next_read_at = COALESCE(next_read_at, ?) WHERE account_id = ? AND scope_key = ?",
            started.toEpochMilli(),
            nextReadAt == null ? NULL_NUMBER : (Object) nextReadAt.toEpochMilli(),
            accountId,
            Scope.allSessions().key());
      }
      backfillDone(c, accountId, now);
      return removed;
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /** The rows of a fully re-listed list that the re-list did not see: [kind, id, session id]. */
  private static List<String[]> unseen(Connection c, long accountId, Scope scope, long started)
      throws SQLException {
    String sql =
        switch (scope.kind()) {
          case EVENTS ->
              "SELECT 'EVENT', id, CAST(NULL AS VARCHAR(200)) FROM copy_event WHERE account_id = ?"
                  + " AND seen_at < ?";
          case SESSIONS ->
              "SELECT 'SESSION', id, CAST(NULL AS VARCHAR(200)) FROM copy_session WHERE account_id = ?"
                  + " AND seen_at < ? AND event_id = ?";
          case PEOPLE ->
              "SELECT 'PERSON', id, session_id FROM copy_person WHERE account_id = ?"
                  + " AND seen_at < ? AND session_id = ?";
        };
    List<String[]> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      s.setLong(2, started);
      if (scope.kind() != Scope.Kind.EVENTS) {
        s.setString(3, scope.parentId());
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(new String[] {r.getString(1).trim(), r.getString(2), r.getString(3)});
        }
      }
    }
    return rows;
  }

  private static void backfillDone(Connection c, long accountId, long now) throws SQLException {
    update(
        c,
        "UPDATE copy_sync SET backfill_done_at = ? WHERE account_id = ? AND backfill_done_at IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM copy_scope WHERE account_id = ? AND complete = FALSE)",
        now,
        accountId,
        accountId);
  }

  /** The problem a list shows while the event or session it hangs from answers 404. */
  static final String GONE =
      "not found at Livestorm (404): the list holding it is read again in full";

  /**
   * The event or session a list hangs from answered 404: the read ends (nothing deleted, not due
   * again on its own) and the parent is most likely deleted, which only a full re-list of the list
   * that holds it can tell (Livestorm sends no deletions). That list is marked for a full read now,
   * so the row and everything under it go with the next turn instead of the next daily re-list
   * (until then the copy would show a deleted event, and the backfill would wait on a list that
   * cannot be read). Once a day at most per list: a parent that is still listed would otherwise
   * have its list re-read, and this one opened again, on every turn. A session the copy does not
   * hold has nothing to re-list: its list is dropped.
   */
  @Transactional
  void parentGone(long accountId, Scope scope, long now) {
    try (Connection c = dataSource.getConnection()) {
      if (!changes.locked(c, accountId)) {
        return;
      }
      boolean askedToday =
          !longs(
                  c,
                  "SELECT problem_at FROM copy_scope WHERE account_id = ? AND scope_key = ?"
                      + " AND problem = ? AND problem_at > ?",
                  accountId,
                  scope.key(),
                  GONE,
                  now - Cadence.FULL_EVERY.toMillis())
              .isEmpty();
      CopyRows.ensureScope(c, accountId, scope);
      update(
          c,
          "UPDATE copy_scope SET reading_page = NULL, reading_full = NULL, reading_since = NULL,"
              + " reading_until = NULL, reading_started_at = NULL, reading_count = NULL,"
              + " reading_items = NULL, next_read_at = NULL WHERE account_id = ? AND scope_key = ?",
          accountId,
          scope.key());
      if (!askedToday) {
        // problem_at is when the parent's re-list was asked: the day counts from there.
        update(
            c,
            "UPDATE copy_scope SET problem = ?, problem_at = ? WHERE account_id = ?"
                + " AND scope_key = ?",
            GONE,
            now,
            accountId,
            scope.key());
      }
      Scope holding;
      if (scope.kind() == Scope.Kind.SESSIONS) {
        holding = Scope.events();
      } else {
        List<String> event =
            CopyRows.strings(
                c,
                "SELECT event_id FROM copy_session WHERE account_id = ? AND id = ?",
                accountId,
                scope.parentId());
        if (event.isEmpty() || event.get(0) == null) {
          update(
              c,
              "DELETE FROM copy_scope WHERE account_id = ? AND scope_key = ?",
              accountId,
              scope.key());
          return;
        }
        holding = Scope.sessions(event.get(0));
      }
      if (askedToday) {
        return;
      }
      CopyRows.markStale(c, accountId, holding, now, now);
      update(
          c,
          "UPDATE copy_scope SET full_at = NULL WHERE account_id = ? AND scope_key = ?",
          accountId,
          holding.key());
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /**
   * Gives up a read that cannot be trusted (the list changed or shrank while read, fewer rows than
   * announced, an answer that could not be read): what it committed stays (each row was newest at
   * the time), nothing is deleted, the list is not "as of" anything newer, and it is read again
   * from its first page at {@code retryAt}. The problem is recorded for the pages.
   */
  @Transactional
  void abandon(long accountId, Scope scope, String problem, long now, Long retryAt) {
    try (Connection c = dataSource.getConnection()) {
      CopyRows.ensureScope(c, accountId, scope);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE copy_scope SET reading_page = NULL, reading_full = NULL,"
                  + " reading_since = NULL, reading_until = NULL, reading_started_at = NULL,"
                  + " reading_count = NULL, reading_items = NULL, problem = ?, problem_at = ?,"
                  + " next_read_at = ? WHERE account_id = ? AND scope_key = ?")) {
        s.setString(1, CopyRows.cut(problem, 1000));
        s.setLong(2, now);
        if (retryAt == null) {
          s.setNull(3, Types.BIGINT);
        } else {
          s.setLong(3, retryAt);
        }
        s.setLong(4, accountId);
        s.setString(5, scope.key());
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /** Records a problem of a list without ending its read (rows refused on a page). */
  @Transactional
  void problem(long accountId, Scope scope, String problem, long now) {
    update(
        "UPDATE copy_scope SET problem = ?, problem_at = ? WHERE account_id = ? AND scope_key = ?",
        CopyRows.cut(problem, 1000),
        now,
        accountId,
        scope.key());
  }

  /** Records a problem of the account's sync as a whole (a token that needs reconnecting). */
  @Transactional
  void accountProblem(long accountId, String problem, long now) {
    update(
        "UPDATE copy_sync SET problem = ?, problem_at = ? WHERE account_id = ?",
        CopyRows.cut(problem, 1000),
        now,
        accountId);
  }

  /** The sync waits until {@code until} (null: it goes on), and why. */
  @Transactional
  void pause(long accountId, Long until, String reason) {
    update(
        "UPDATE copy_sync SET paused_until = ?, pause_reason = ? WHERE account_id = ?",
        until == null ? NULL_NUMBER : (Object) until,
        until == null ? NULL_TEXT : (Object) CopyRows.cut(reason, 500),
        accountId);
  }

  @Transactional
  void nothingToSync(long accountId, String reason) {
    update(
        "UPDATE copy_sync SET nothing_to_sync = ? WHERE account_id = ?",
        reason == null ? NULL_TEXT : (Object) CopyRows.cut(reason, 500),
        accountId);
  }

  /** Whether the organization and {@code /me} are due (never read, or a day old). */
  @Transactional
  boolean organizationDue(long accountId, long now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT seen_at FROM copy_organization WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        return !r.next() || r.getLong(1) + Cadence.FULL_EVERY.toMillis() <= now;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /** Stores the organization and the connected user as read (either may be null: not granted). */
  @Transactional
  void organization(long accountId, JsonObject organization, JsonObject me, int calls, long now) {
    try (Connection c = dataSource.getConnection()) {
      if (!changes.locked(c, accountId)) {
        return;
      }
      update(
          c, "UPDATE copy_sync SET calls = calls + " + calls + " WHERE account_id = ?", accountId);
      String id =
          organization == null ? null : CopyRows.cut(organization.getString("id", null), 200);
      String text = organization == null ? null : organization.toString();
      String meText = me == null ? null : me.toString();
      if (text != null && text.length() > Incoming.MAX_RESOURCE) {
        text = null;
      }
      if (meText != null && meText.length() > Incoming.MAX_RESOURCE) {
        meText = null;
      }
      String before = null;
      boolean exists;
      try (PreparedStatement s =
          c.prepareStatement("SELECT resource FROM copy_organization WHERE account_id = ?")) {
        s.setLong(1, accountId);
        try (ResultSet r = s.executeQuery()) {
          exists = r.next();
          before = exists ? r.getString(1) : null;
        }
      }
      String sql =
          exists
              ? "UPDATE copy_organization SET id = ?, resource = ?, me_resource = ?, seen_at = ?"
                  + " WHERE account_id = ?"
              : "INSERT INTO copy_organization (id, resource, me_resource, seen_at, account_id)"
                  + " VALUES (?, ?, ?, ?, ?)";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setString(1, id);
        s.setString(2, text);
        s.setString(3, meText);
        s.setLong(4, now);
        s.setLong(5, accountId);
        s.executeUpdate();
      }
      if (text != null && !text.equals(before)) {
        changes.announce(
            new CopyChanged(
                accountId,
                Kind.ORGANIZATION,
                id,
                null,
                before == null ? CopyChanged.Change.CREATED : CopyChanged.Change.UPDATED,
                before == null
                    ? java.util.Set.of()
                    : Incoming.changedFields(CopyRows.parse(before), organization),
                null));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  // ---- plumbing

  private int update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection()) {
      return update(c, sql, values);
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  private static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      return s.executeUpdate();
    }
  }

  /** A SQL NULL of a known type (Derby wants the type of every parameter). */
  private record SqlNull(int type) {}

  private static final SqlNull NULL_NUMBER = new SqlNull(Types.BIGINT);
  private static final SqlNull NULL_TEXT = new SqlNull(Types.VARCHAR);

  private static void bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof SqlNull n) {
        s.setNull(i + 1, n.type());
      } else if (v instanceof Long l) {
        s.setLong(i + 1, l);
      } else if (v instanceof Integer n) {
        s.setLong(i + 1, n);
      } else if (v instanceof String t) {
        s.setString(i + 1, t);
      } else {
        throw new IllegalArgumentException("untyped SQL parameter " + (i + 1));
      }
    }
  }

  private static List<Long> longs(Connection c, String sql, Object... values) throws SQLException {
    List<Long> found = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(r.getLong(1));
        }
      }
    }
    return found;
  }
}
