package com.livestormconnect.copy;

import com.livestormconnect.copy.CopyChanged.Change;
import com.livestormconnect.copy.CopyChanged.Kind;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Registrant;
import com.livestormconnect.livestorm.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The copy's tables in plain SQL on a connection the caller owns (its transaction decides what
 * commits together): the same statements on Derby and PostgreSQL. Every writer of an account's copy
 * first locks the account's {@code copy_sync} row ({@link #lock}), so that two writers never insert
 * the same row and newest-wins compares against what is committed.
 */
final class CopyRows {
  private CopyRows() {}

  /** What applying one resource did, and the change to announce (null when nothing changed). */
  record Put(Applied applied, CopyChanged change) {}

  /**
   * Locks the account's {@code copy_sync} row until the transaction ends (an update that changes
   * nothing: Derby takes no lock for a read). False when there is no row yet.
   */
  static boolean lock(Connection c, long accountId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE copy_sync SET calls = calls WHERE account_id = ?")) {
      s.setLong(1, accountId);
      return s.executeUpdate() > 0;
    }
  }

  /**
   * Makes the account's {@code copy_sync} row if the account is connected; false when it is not
   * (nothing is kept for an account without a connection).
   */
  static boolean create(Connection c, long accountId) throws SQLException {
    if (!connected(c, accountId)) {
      return false;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM copy_sync WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          return true;
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO copy_sync (account_id, calls) VALUES (?, 0)")) {
      s.setLong(1, accountId);
      s.executeUpdate();
    }
    return true;
  }

  static boolean connected(Connection c, long accountId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM livestorm_connection WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /**
   * Applies one resource if it is not older than the row held (by {@code updated_at}); a row seen
   * again, changed or not, has its {@code seen_at} moved to {@code now}, so that a complete re-list
   * keeps it.
   */
  static Put put(Connection c, long accountId, Incoming in, long now) throws SQLException {
    return put(c, accountId, in, now, false);
  }

  /**
   * As {@link #put(Connection, long, Incoming, long)}; when {@code outOfOrder}, a different version
   * with the same {@code updated_at} as the row held is not applied but answered {@link
   * Applied#TIED}: {@code updated_at} counts whole seconds, so two changes within one second (a
   * session started and ended) carry the same one, and only a fresh read of the list can tell which
   * is current. A version read from the API just now is the current one and wins the tie.
   */
  static Put put(Connection c, long accountId, Incoming in, long now, boolean outOfOrder)
      throws SQLException {
    String table = table(in.kind());
    String where =
        in.kind() == Kind.PERSON
            ? " WHERE account_id = ? AND session_id = ? AND id = ?"
            : " WHERE account_id = ? AND id = ?";
    Long heldUpdatedAt = null;
    String held = null;
    try (PreparedStatement s =
        c.prepareStatement("SELECT updated_at, resource FROM " + table + where)) {
      key(s, 1, accountId, in);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          heldUpdatedAt = nullableLong(r, 1);
          held = r.getString(2);
        }
      }
    }
    Long updatedAt = millis(in.updatedAt());
    if (held == null) {
      insert(c, accountId, in, now);
      return new Put(
          Applied.CREATED,
          new CopyChanged(
              accountId,
              in.kind(),
              in.id(),
              in.sessionId(),
              Change.CREATED,
              Set.of(),
              in.updatedAt()));
    }
    boolean older = updatedAt != null && heldUpdatedAt != null && updatedAt < heldUpdatedAt;
    if (older || held.equals(in.text())) {
      touch(c, table, where, accountId, in, now);
      return new Put(older ? Applied.OLDER : Applied.UNCHANGED, null);
    }
    JsonObject before = parse(held);
    if (before.equals(in.resource())) {
      touch(c, table, where, accountId, in, now);
      return new Put(Applied.UNCHANGED, null);
    }
    if (outOfOrder && updatedAt != null && updatedAt.equals(heldUpdatedAt)) {
      touch(c, table, where, accountId, in, now);
      return new Put(Applied.TIED, null);
    }
    update(c, accountId, in, now);
    return new Put(
        Applied.UPDATED,
        new CopyChanged(
            accountId,
            in.kind(),
            in.id(),
            in.sessionId(),
            Change.UPDATED,
            Incoming.changedFields(before, in.resource()),
            in.updatedAt()));
  }

  private static void touch(
      Connection c, String table, String where, long accountId, Incoming in, long now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET seen_at = ?" + where)) {
      s.setLong(1, now);
      key(s, 2, accountId, in);
      s.executeUpdate();
    }
  }

  private static int key(PreparedStatement s, int at, long accountId, Incoming in)
      throws SQLException {
    s.setLong(at++, accountId);
    if (in.kind() == Kind.PERSON) {
      s.setString(at++, in.sessionId());
    }
    s.setString(at++, in.id());
    return at;
  }

  private static void insert(Connection c, long accountId, Incoming in, long now)
      throws SQLException {
    String sql =
        switch (in.kind()) {
          case EVENT ->
              "INSERT INTO copy_event (title_key, scheduling_status, created_at,"
                  + " updated_at, seen_at, resource, account_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
          case SESSION ->
              "INSERT INTO copy_session (event_id, parent_id, status, start_at,"
                  + " updated_at, seen_at, resource, account_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
          default ->
              "INSERT INTO copy_person (role, name_key, email_key, attended,"
                  + " attendance_rate, attendance_duration, registered_at, updated_at, seen_at,"
                  + " resource, account_id, session_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " ?, ?)";
        };
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int at = columns(s, in, now);
      key(s, at, accountId, in);
      s.executeUpdate();
    }
  }

  private static void update(Connection c, long accountId, Incoming in, long now)
      throws SQLException {
    String sql =
        switch (in.kind()) {
          case EVENT ->
              "UPDATE copy_event SET title_key = ?, scheduling_status = ?, created_at = ?,"
                  + " updated_at = ?, seen_at = ?, resource = ? WHERE account_id = ? AND id = ?";
          case SESSION ->
              "UPDATE copy_session SET event_id = ?, parent_id = ?, status = ?,"
                  + " start_at = ?, updated_at = ?, seen_at = ?, resource = ?"
                  + " WHERE account_id = ? AND id = ?";
          default ->
              "UPDATE copy_person SET role = ?, name_key = ?, email_key = ?, attended = ?,"
                  + " attendance_rate = ?, attendance_duration = ?, registered_at = ?, updated_at = ?,"
                  + " seen_at = ?, resource = ? WHERE account_id = ? AND session_id = ? AND id = ?";
        };
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int at = columns(s, in, now);
      key(s, at, accountId, in);
      s.executeUpdate();
    }
  }

  /** The indexed columns, updated_at, seen_at and the resource, in the statements' order. */
  private static int columns(PreparedStatement s, Incoming in, long now) throws SQLException {
    int at = 1;
    switch (in.kind()) {
      case EVENT -> {
        s.setString(at++, Incoming.key(in.event().title(), 300));
        s.setString(at++, cut(in.event().schedulingStatus(), 40));
        setMillis(s, at++, in.event().createdAt());
      }
      case SESSION -> {
        Session session = in.session();
        s.setString(at++, cut(session.eventId(), Incoming.MAX_ID));
        s.setString(at++, cut(session.breakoutRoomParentId(), Incoming.MAX_ID));
        s.setString(at++, cut(session.status(), 40));
        setMillis(s, at++, session.start());
      }
      default -> {
        Person p = in.person();
        Registrant r = p.registrant();
        s.setString(at++, cut(p.role(), 40));
        s.setString(at++, Incoming.key(p.fullName(), 300));
        s.setString(at++, Incoming.key(p.email(), 320));
        s.setBoolean(at++, p.attended());
        if (r == null || r.attendanceRate() == null) {
          s.setNull(at++, Types.DOUBLE);
        } else {
          s.setDouble(at++, r.attendanceRate());
        }
        s.setLong(at++, r == null ? 0 : r.attendanceDurationSeconds());
        setMillis(s, at++, r == null ? null : r.registeredAt());
      }
    }
    setMillis(s, at++, in.updatedAt());
    s.setLong(at++, now);
    s.setString(at++, in.text());
    return at;
  }

  /**
   * Deletes a row Livestorm no longer has, with what hangs from it (an event's sessions and their
   * people, a session's people, and their scopes). Answers the deletions to announce: the row and,
   * for an event, each of its sessions (people leave with their session unannounced, as they would
   * be thousands).
   */
  static List<CopyChanged> forget(
      Connection c, long accountId, Kind kind, String id, String sessionId) throws SQLException {
    List<CopyChanged> gone = new ArrayList<>();
    switch (kind) {
      case EVENT -> {
        for (String session :
            strings(
                c,
                "SELECT id FROM copy_session WHERE account_id = ? AND event_id = ?",
                accountId,
                id)) {
          gone.addAll(forget(c, accountId, Kind.SESSION, session, null));
        }
        if (delete(c, "DELETE FROM copy_event WHERE account_id = ? AND id = ?", accountId, id)
            > 0) {
          gone.add(0, deleted(accountId, kind, id, null));
        }
        delete(
            c,
            "DELETE FROM copy_scope WHERE account_id = ? AND scope_key = ?",
            accountId,
            Scope.sessions(id).key());
      }
      case SESSION -> {
        delete(c, "DELETE FROM copy_person WHERE account_id = ? AND session_id = ?", accountId, id);
        delete(
            c,
            "DELETE FROM copy_scope WHERE account_id = ? AND scope_key = ?",
            accountId,
            Scope.people(id).key());
        if (delete(c, "DELETE FROM copy_session WHERE account_id = ? AND id = ?", accountId, id)
            > 0) {
          gone.add(deleted(accountId, kind, id, null));
        }
      }
      case PERSON -> {
        List<String> sessions =
            sessionId != null
                ? List.of(sessionId)
                : strings(
                    c,
                    "SELECT session_id FROM copy_person WHERE account_id = ? AND id = ?",
                    accountId,
                    id);
        for (String session : sessions) {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM copy_person WHERE account_id = ? AND session_id = ? AND id = ?")) {
            s.setLong(1, accountId);
            s.setString(2, session);
            s.setString(3, id);
            if (s.executeUpdate() > 0) {
              gone.add(deleted(accountId, kind, id, session));
            }
          }
        }
      }
      case ORGANIZATION -> {
        if (delete(
                c, "DELETE FROM copy_organization WHERE account_id = ? AND id = ?", accountId, id)
            > 0) {
          gone.add(deleted(accountId, kind, id, null));
        }
      }
    }
    return gone;
  }

  private static CopyChanged deleted(long accountId, Kind kind, String id, String sessionId) {
    return new CopyChanged(accountId, kind, id, sessionId, Change.DELETED, Set.of(), null);
  }

  /** Everything the copy holds for the account: its connection is gone. */
  static void deleteAll(Connection c, long accountId) throws SQLException {
    for (String table :
        List.of(
            "copy_person",
            "copy_session",
            "copy_event",
            "copy_organization",
            "copy_scope",
            "copy_sync")) {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM " + table + " WHERE account_id = ?")) {
        s.setLong(1, accountId);
        s.executeUpdate();
      }
    }
  }

  /**
   * Marks a scope for a re-read soon: the earliest mark wins, so a burst of marks on one session's
   * people costs one re-read once {@code readAt} comes.
   */
  static void markStale(Connection c, long accountId, Scope scope, long now, long readAt)
      throws SQLException {
    ensureScope(c, accountId, scope);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE copy_scope SET stale_since = COALESCE(stale_since, ?),"
                + " next_read_at = CASE WHEN next_read_at IS NULL OR next_read_at > ? THEN ?"
                + " ELSE next_read_at END WHERE account_id = ? AND scope_key = ?")) {
      s.setLong(1, now);
      s.setLong(2, readAt);
      s.setLong(3, readAt);
      s.setLong(4, accountId);
      s.setString(5, scope.key());
      s.executeUpdate();
    }
  }

  /** Makes the scope's row (not read yet, due now) if there is none. */
  static void ensureScope(Connection c, long accountId, Scope scope) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM copy_scope WHERE account_id = ? AND scope_key = ?")) {
      s.setLong(1, accountId);
      s.setString(2, scope.key());
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          return;
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO copy_scope (account_id, scope_key, kind, parent_id, complete, calls)"
                + " VALUES (?, ?, ?, ?, FALSE, 0)")) {
      s.setLong(1, accountId);
      s.setString(2, scope.key());
      s.setString(3, scope.kind().name());
      s.setString(4, scope.parentId());
      s.executeUpdate();
    }
  }

  static JsonObject parse(String stored) {
    try (JsonReader reader = Json.createReader(new StringReader(stored))) {
      return reader.readObject();
    }
  }

  private static String table(Kind kind) {
    return switch (kind) {
      case EVENT -> "copy_event";
      case SESSION -> "copy_session";
      case PERSON -> "copy_person";
      case ORGANIZATION -> "copy_organization";
    };
  }

  private static int delete(Connection c, String sql, long accountId, String id)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      s.setString(2, id);
      return s.executeUpdate();
    }
  }

  static List<String> strings(Connection c, String sql, long accountId, String id)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      s.setString(2, id);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          values.add(r.getString(1));
        }
      }
    }
    return values;
  }

  static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  static Instant instant(ResultSet r, int column) throws SQLException {
    Long millis = nullableLong(r, column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  static Long nullableLong(ResultSet r, int column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : value;
  }

  static void setMillis(PreparedStatement s, int at, Instant instant) throws SQLException {
    if (instant == null) {
      s.setNull(at, Types.BIGINT);
    } else {
      s.setLong(at, instant.toEpochMilli());
    }
  }
}
