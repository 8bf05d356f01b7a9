package com.livestormconnect.partner;

import com.livestormconnect.config.Settings;
import com.livestormconnect.database.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code partner_message} table: every change waiting for, or done with, its delivery to the
 * partner. Each statement runs on the non-transactional pool, so a stored message is committed at
 * once whatever transaction the caller is in (the copy fires its change after its own commit, and a
 * message must not depend on anything after that).
 *
 * <p>A node takes a due message by writing its lease (holder and expiry) on it; only the holder
 * records the outcome, and a lease left by a node that died expires so another node takes the
 * message over. On PostgreSQL the due rows are picked with {@code FOR UPDATE SKIP LOCKED}, so nodes
 * polling together take different rows instead of queueing on the same locks; Derby (one node) has
 * no SKIP LOCKED and takes each row with a conditional update, which is just as safe.
 */
@ApplicationScoped
public class OutboundQueue {
  static final String PENDING = "pending";
  static final String DELIVERED = "delivered";
  static final String FAILED = "failed";

  private static final String COLUMNS =
      "id, account_id, event_type, payload, attempts, created_at, retry_until";
  private static final String DUE =
      " FROM partner_message WHERE status = 'pending' AND next_attempt_at <= ?"
          + " AND (leased_until IS NULL OR leased_until < ?) ORDER BY next_attempt_at";

  @Resource(lookup = Database.PERMITS_JNDI_NAME)
  DataSource dataSource;

  @Inject Settings settings;

  OutboundQueue() {}

  OutboundQueue(DataSource dataSource, Settings settings) {
    this.dataSource = dataSource;
    this.settings = settings;
  }

  void enqueue(PartnerMessage message, Instant now) {
    update(
        "INSERT INTO partner_message (id, account_id, event_type, payload, status, attempts,"
            + " created_at, next_attempt_at, retry_until) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?,"
            + " ?)",
        message.id(),
        message.accountId(),
        message.eventType(),
        message.payload(),
        millis(message.createdAt()),
        millis(now),
        millis(message.retryUntil()));
  }

  /** Leases up to {@code limit} due messages to {@code node} until {@code now + lease}. */
  List<PartnerMessage> claimDue(String node, Instant now, Duration lease, int limit) {
    try (Connection c = dataSource.getConnection()) {
      return settings.database().isDerby()
          ? claimOneByOne(c, node, now, lease, limit)
          : claimSkippingLocked(c, node, now, lease, limit);
    } catch (SQLException e) {
      throw failure("claim", e);
    }
  }

  private List<PartnerMessage> claimSkippingLocked(
      Connection c, String node, Instant now, Duration lease, int limit) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      List<PartnerMessage> due = new ArrayList<>();
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + DUE
                  + " FETCH FIRST "
                  + limit
                  + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
        select.setLong(1, millis(now));
        select.setLong(2, millis(now));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            due.add(message(rows));
          }
        }
      }
      for (PartnerMessage m : due) {
        lease(c, m.id(), node, now, lease);
      }
      c.commit();
      return due;
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private List<PartnerMessage> claimOneByOne(
      Connection c, String node, Instant now, Duration lease, int limit) throws SQLException {
    List<PartnerMessage> candidates = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + COLUMNS + DUE + " FETCH FIRST " + limit + " ROWS ONLY")) {
      select.setLong(1, millis(now));
      select.setLong(2, millis(now));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          candidates.add(message(rows));
        }
      }
    }
    List<PartnerMessage> claimed = new ArrayList<>();
    for (PartnerMessage m : candidates) {
      if (lease(c, m.id(), node, now, lease)) {
        claimed.add(m);
      }
    }
    return claimed;
  }

  /** Takes the message unless another node holds an unexpired lease on it or it is done. */
  private static boolean lease(Connection c, String id, String node, Instant now, Duration lease)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE partner_message SET lease_holder = ?, leased_until = ? WHERE id = ?"
                + " AND status = 'pending' AND (leased_until IS NULL OR leased_until < ?)")) {
      update.setString(1, node);
      update.setLong(2, millis(now.plus(lease)));
      update.setString(3, id);
      update.setLong(4, millis(now));
      return update.executeUpdate() == 1;
    }
  }

  void delivered(String id, String node, Instant at, String outcome) {
    finish(id, node, at, DELIVERED, at, outcome, at);
  }

  void failed(String id, String node, Instant at, String outcome) {
    finish(id, node, at, FAILED, at, outcome, null);
  }

  void retryAt(String id, String node, Instant at, Instant next, String outcome) {
    finish(id, node, at, PENDING, next, outcome, null);
  }

  /** Records an attempt's outcome and frees the lease, if {@code node} still holds it. */
  private void finish(
      String id,
      String node,
      Instant at,
      String status,
      Instant nextAttemptAt,
      String outcome,
      Instant deliveredAt) {
    update(
        "UPDATE partner_message SET status = ?, attempts = attempts + 1, last_attempt_at = ?,"
            + " last_outcome = ?, next_attempt_at = ?, delivered_at = ?, lease_holder = NULL,"
            + " leased_until = NULL WHERE id = ? AND lease_holder = ?",
        status,
        millis(at),
        outcome.length() > 200 ? outcome.substring(0, 200) : outcome,
        millis(nextAttemptAt),
        deliveredAt == null ? null : millis(deliveredAt),
        id,
        node);
  }

  /**
   * Makes a failed message due again now, with the same id and body and a new 24-hour window. False
   * when there is no failed message of that id (already replayed, or never failed).
   */
  boolean replay(String id, Instant now) {
    return update(
            "UPDATE partner_message SET status = 'pending', attempts = 0, next_attempt_at = ?,"
                + " retry_until = ? WHERE id = ? AND status = 'failed'",
            millis(now),
            millis(now.plus(RetrySchedule.WINDOW)),
            id)
        == 1;
  }

  /** Makes every failed message due again now; returns how many. */
  int replayAllFailed(Instant now) {
    return update(
        "UPDATE partner_message SET status = 'pending', attempts = 0, next_attempt_at = ?,"
            + " retry_until = ? WHERE status = 'failed'",
        millis(now),
        millis(now.plus(RetrySchedule.WINDOW)));
  }

  /** Deletes delivered messages older than {@code before}; returns how many. */
  int purgeDelivered(Instant before) {
    return update(
        "DELETE FROM partner_message WHERE status = 'delivered' AND delivered_at < ?",
        millis(before));
  }

  PartnerHealth health(boolean enabled, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      long pending;
      Optional<Duration> oldest;
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT COUNT(*), MIN(created_at) FROM partner_message WHERE status = 'pending'");
          ResultSet row = s.executeQuery()) {
        row.next();
        pending = row.getLong(1);
        long created = row.getLong(2);
        oldest =
            row.wasNull()
                ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.max(0, millis(now) - created)));
      }
      long failed;
      try (PreparedStatement s =
              c.prepareStatement("SELECT COUNT(*) FROM partner_message WHERE status = 'failed'");
          ResultSet row = s.executeQuery()) {
        row.next();
        failed = row.getLong(1);
      }
      Optional<Instant> lastSuccess;
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT MAX(delivered_at) FROM partner_message WHERE status = 'delivered'");
          ResultSet row = s.executeQuery()) {
        row.next();
        long at = row.getLong(1);
        lastSuccess = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
      }
      return new PartnerHealth(enabled, pending, oldest, failed, lastSuccess);
    } catch (SQLException e) {
      throw failure("health", e);
    }
  }

  /** The most recent failed messages, newest first. */
  List<FailedMessage> failedMessages(int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, account_id, event_type, created_at, attempts, last_attempt_at,"
                    + " last_outcome FROM partner_message WHERE status = 'failed'"
                    + " ORDER BY created_at DESC FETCH FIRST "
                    + limit
                    + " ROWS ONLY")) {
      List<FailedMessage> failed = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          long last = rows.getLong(6);
          Optional<Instant> lastAttempt =
              rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
          String outcome = rows.getString(7);
          failed.add(
              new FailedMessage(
                  rows.getString(1),
                  rows.getLong(2),
                  rows.getString(3),
                  Instant.ofEpochMilli(rows.getLong(4)),
                  rows.getInt(5),
                  lastAttempt,
                  outcome == null ? "" : outcome));
        }
      }
      return failed;
    } catch (SQLException e) {
      throw failure("list", e);
    }
  }

  /** A message's status (pending, delivered or failed), empty when unknown. */
  Optional<String> status(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT status FROM partner_message WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("status", e);
    }
  }

  private static PartnerMessage message(ResultSet rows) throws SQLException {
    return new PartnerMessage(
        rows.getString(1),
        rows.getLong(2),
        rows.getString(3),
        rows.getString(4),
        rows.getInt(5),
        Instant.ofEpochMilli(rows.getLong(6)),
        Instant.ofEpochMilli(rows.getLong(7)));
  }

  private int update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v == null) {
          s.setNull(i + 1, Types.BIGINT);
        } else if (v instanceof Long l) {
          s.setLong(i + 1, l);
        } else {
          s.setString(i + 1, v.toString());
        }
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failure("update", e);
    }
  }

  private static long millis(Instant instant) {
    return instant.toEpochMilli();
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("partner queue " + what + ": SQL state " + e.getSQLState(), e);
  }
}
