package com.livestormconnect.copy;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The queries behind {@link LocalCopy}, on a connection it owns. */
final class CopyReads {
  private CopyReads() {}

  static Optional<Instant> completeAsOf(Connection c, long accountId, Scope scope)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT as_of FROM copy_scope WHERE account_id = ? AND scope_key = ?"
                + " AND complete = TRUE")) {
      s.setLong(1, accountId);
      s.setString(2, scope.key());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.ofNullable(CopyRows.instant(r, 1)) : Optional.empty();
      }
    }
  }

  static Optional<JsonObject> one(Connection c, String sql, long accountId, String id)
      throws SQLException {
    if (id == null || id.length() > Incoming.MAX_ID) {
      return Optional.empty();
    }
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      s.setString(2, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(CopyRows.parse(r.getString(1))) : Optional.empty();
      }
    }
  }

  static <T> CopyPage<T> page(
      Connection c,
      String table,
      String where,
      String order,
      List<Object> values,
      int page,
      int size,
      Instant asOf,
      Function<JsonObject, T> mapping)
      throws SQLException {
    int pageSize = Math.max(1, Math.min(PeopleQuery.MAX_SIZE, size));
    int number = Math.max(0, page);
    long total;
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + where)) {
      bind(s, values);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        total = r.getLong(1);
      }
    }
    List<T> items = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT resource FROM "
                + table
                + where
                + order
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      int at = bind(s, values);
      s.setLong(at++, (long) number * pageSize);
      s.setInt(at, pageSize);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          items.add(mapping.apply(CopyRows.parse(r.getString(1))));
        }
      }
    }
    return new CopyPage<>(items, total, number, pageSize, asOf);
  }

  private static int bind(PreparedStatement s, List<Object> values) throws SQLException {
    int at = 1;
    for (Object value : values) {
      if (value instanceof Long l) {
        s.setLong(at++, l);
      } else if (value instanceof Boolean b) {
        s.setBoolean(at++, b);
      } else {
        s.setString(at++, (String) value);
      }
    }
    return at;
  }

  /** A LIKE pattern for "contains", lower-cased like the key columns, wildcards escaped. */
  static String contains(String text) {
    String lower = Incoming.key(text.strip(), 300);
    return "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  static <T> Optional<Copied<T>> organization(
      Connection c, long accountId, String column, Function<JsonObject, T> mapping)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + column + ", seen_at FROM copy_organization WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next() || r.getString(1) == null) {
          return Optional.empty();
        }
        return Optional.of(
            new Copied<>(mapping.apply(CopyRows.parse(r.getString(1))), CopyRows.instant(r, 2)));
      }
    }
  }

  static CopyStatus status(Connection c, long accountId) throws SQLException {
    Instant started;
    Instant done;
    long calls;
    Instant pausedUntil;
    String pauseReason;
    String problem;
    Instant problemAt;
    String nothingToSync;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT backfill_started_at, backfill_done_at, calls, paused_until, pause_reason,"
                + " problem, problem_at, nothing_to_sync FROM copy_sync WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return CopyStatus.none();
        }
        started = CopyRows.instant(r, 1);
        done = CopyRows.instant(r, 2);
        calls = r.getLong(3);
        pausedUntil = CopyRows.instant(r, 4);
        pauseReason = r.getString(5);
        problem = r.getString(6);
        problemAt = CopyRows.instant(r, 7);
        nothingToSync = r.getString(8);
      }
    }
    int scopesDone = 0;
    int scopesLeft = 0;
    Instant oldest = null;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT complete, COUNT(*), MIN(as_of) FROM copy_scope WHERE account_id = ?"
                + " GROUP BY complete")) {
      s.setLong(1, accountId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          if (r.getBoolean(1)) {
            scopesDone = r.getInt(2);
            oldest = CopyRows.instant(r, 3);
          } else {
            scopesLeft = r.getInt(2);
          }
        }
      }
    }
    // A scope problem is newer news than the account's when it came later.
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT problem, problem_at FROM copy_scope WHERE account_id = ?"
                + " AND problem IS NOT NULL ORDER BY problem_at DESC")) {
      s.setLong(1, accountId);
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          Instant at = CopyRows.instant(r, 2);
          if (problemAt == null || (at != null && at.isAfter(problemAt))) {
            problem = r.getString(1);
            problemAt = at;
          }
        }
      }
    }
    Instant eventsAsOf = completeAsOf(c, accountId, Scope.events()).orElse(null);
    Duration timeLeft = null;
    if (done == null && scopesDone > 0 && started != null) {
      // The scopes read so far took this long; the ones left are about as big.
      long spent = Math.max(0, System.currentTimeMillis() - started.toEpochMilli());
      timeLeft = Duration.ofMillis(spent * scopesLeft / scopesDone);
    }
    return new CopyStatus(
        true,
        started,
        done,
        scopesDone,
        scopesLeft,
        calls,
        timeLeft,
        eventsAsOf,
        oldest,
        null,
        pausedUntil,
        pauseReason,
        problem,
        problemAt,
        nothingToSync);
  }
}
