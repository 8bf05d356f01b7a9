package com.livestormconnect.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The copy's schedule as the sync tests see it through SQL: how many of an account's lists are due
 * or being read (a held lease counts as reading), and the passing of an interval.
 */
final class DueLists {
  private DueLists() {}

  /** Lists due now or being read, plus one while a node holds the account's lease. */
  static long count(DataSource dataSource, long accountId) throws SQLException {
    long now = System.currentTimeMillis();
    try (Connection c = dataSource.getConnection()) {
      return count(
              c,
              "SELECT COUNT(*) FROM copy_scope WHERE account_id = ?"
                  + " AND (next_read_at <= ? OR reading_page IS NOT NULL)",
              accountId,
              now)
          + count(
              c,
              "SELECT COUNT(*) FROM copy_sync WHERE account_id = ? AND lease_holder IS NOT NULL"
                  + " AND lease_until > ?",
              accountId,
              now);
    }
  }

  /**
   * What the schedule would read once {@code interval} has passed is due now: the events list and
   * the sessions of all events, read every interval (the in-container tests run with {@code
   * SYNC_INTERVAL=0}, so nothing is scheduled there), and what was scheduled within it.
   */
  static void intervalElapsed(DataSource dataSource, long accountId, Duration interval)
      throws SQLException {
    long now = System.currentTimeMillis();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE copy_scope SET next_read_at = ? WHERE account_id = ?"
                    + " AND (next_read_at <= ? OR kind = 'EVENTS'"
                    + " OR (kind = 'SESSIONS' AND parent_id IS NULL))")) {
      s.setLong(1, now);
      s.setLong(2, accountId);
      s.setLong(3, now + interval.toMillis());
      s.executeUpdate();
    }
  }

  private static long count(Connection c, String sql, long accountId, long now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      s.setLong(2, now);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
