package com.livestormconnect.copy;

import com.livestormconnect.copy.CopyChanged.Kind;
import com.livestormconnect.database.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** The transactions of a {@link Refresh}: one per page read, one to finish the list. */
@ApplicationScoped
class RefreshWrites {
  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject Changes changes;

  @Inject Clock clock;

  /** Applies one page of the list (newest wins, as any writer of the copy). */
  @Transactional
  void rows(long accountId, Scope scope, List<JsonObject> resources) {
    String type =
        switch (scope.kind()) {
          case EVENTS -> "events";
          case SESSIONS -> "sessions";
          case PEOPLE -> "people";
        };
    String sessionId = scope.kind() == Scope.Kind.PEOPLE ? scope.parentId() : null;
    try (Connection c = dataSource.getConnection()) {
      if (!changes.locked(c, accountId)) {
        return;
      }
      long now = clock.millis();
      for (JsonObject resource : resources) {
        Incoming incoming;
        try {
          incoming = Incoming.of(type, resource, sessionId);
        } catch (IllegalArgumentException unusable) {
          continue; // a row the copy cannot keep is left out; the others are kept
        }
        changes.announce(CopyRows.put(c, accountId, incoming, now).change());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /**
   * The list was read in full since {@code started}: rows of it not seen since then are gone from
   * Livestorm, and the list is complete as of {@code started}. Answers how many rows went.
   */
  @Transactional
  int complete(long accountId, Scope scope, Instant started, int calls) {
    try (Connection c = dataSource.getConnection()) {
      if (!changes.locked(c, accountId)) {
        return 0;
      }
      Kind kind;
      String sql;
      switch (scope.kind()) {
        case EVENTS -> {
          kind = Kind.EVENT;
          sql = "SELECT id FROM copy_event WHERE account_id = ? AND seen_at < ?";
        }
        case SESSIONS -> {
          kind = Kind.SESSION;
          sql = "SELECT id FROM copy_session WHERE account_id = ? AND seen_at < ? AND event_id = ?";
        }
        default -> {
          kind = Kind.PERSON;
          sql =
              "SELECT id FROM copy_person WHERE account_id = ? AND seen_at < ? AND session_id = ?";
        }
      }
      List<String> gone;
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setLong(1, accountId);
        s.setLong(2, started.toEpochMilli());
        if (scope.parentId() != null) {
          s.setString(3, scope.parentId());
        }
        gone = new java.util.ArrayList<>();
        try (var r = s.executeQuery()) {
          while (r.next()) {
            gone.add(r.getString(1));
          }
        }
      }
      int removed = 0;
      for (String id : gone) {
        List<CopyChanged> changed =
            CopyRows.forget(c, accountId, kind, id, kind == Kind.PERSON ? scope.parentId() : null);
        changed.forEach(changes::announce);
        removed += changed.isEmpty() ? 0 : 1;
      }
      CopyRows.ensureScope(c, accountId, scope);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE copy_scope SET complete = TRUE, as_of = ?, full_at = ?, calls = calls + ?,"
                  + " stale_since = CASE WHEN stale_since <= ? THEN NULL ELSE stale_since END,"
                  + " problem = NULL, problem_at = NULL"
                  + " WHERE account_id = ? AND scope_key = ?")) {
        s.setLong(1, started.toEpochMilli());
        s.setLong(2, clock.millis());
        s.setInt(3, calls);
        s.setLong(4, started.toEpochMilli());
        s.setLong(5, accountId);
        s.setString(6, scope.key());
        s.executeUpdate();
      }
      return removed;
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }

  /**
   * Keeps the organization ({@code column} {@code resource}) or the connected user ({@code
   * me_resource}) as Livestorm sent it.
   */
  @Transactional
  void organization(long accountId, String column, JsonObject resource, Instant seen) {
    if (!column.equals("resource") && !column.equals("me_resource")) {
      throw new IllegalArgumentException(column);
    }
    String text = resource.toString();
    if (text.length() > Incoming.MAX_RESOURCE) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      if (!changes.locked(c, accountId)) {
        return;
      }
      String id =
          column.equals("resource") && resource.get("id") instanceof JsonString s
              ? CopyRows.cut(s.getString(), Incoming.MAX_ID)
              : null;
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE copy_organization SET "
                  + column
                  + " = ?, seen_at = ?"
                  + (id == null ? "" : ", id = ?")
                  + " WHERE account_id = ?")) {
        int at = 1;
        s.setString(at++, text);
        s.setLong(at++, seen.toEpochMilli());
        if (id != null) {
          s.setString(at++, id);
        }
        s.setLong(at, accountId);
        if (s.executeUpdate() > 0) {
          return;
        }
      }
      // The account's copy lock is held: no other writer inserts this row meanwhile.
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO copy_organization (account_id, id, seen_at, "
                  + column
                  + ") VALUES (?, ?, ?, ?)")) {
        s.setLong(1, accountId);
        s.setString(2, id);
        s.setLong(3, seen.toEpochMilli());
        s.setString(4, text);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }
}
