package com.livestormconnect.webhook;

import com.livestormconnect.config.Settings;
import com.livestormconnect.database.Database;
import com.livestormconnect.token.ConnectionRemoved;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
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
 * The webhook inbox (table {@code webhook_inbox}): each delivery is committed here before the
 * receiver answers, so an acknowledged delivery is never lost; the unique dedupe key makes a second
 * delivery of the same change, on any node, a duplicate. Rows are claimed by one node at a time
 * with a lease ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so nodes do not wait on each other's
 * rows; a conditional update decides on both databases) and marked applied in the transaction that
 * applied them. Applied rows are kept two days, for the health figures and for deduplication.
 */
@ApplicationScoped
public class Inbox {
  static final String UNIQUE_VIOLATION = "23505";

  /** Derby's longest VARCHAR; PostgreSQL's column is TEXT (V45). */
  static final int DERBY_MAX_BODY = 32_672;

  static final Duration KEPT = Duration.ofDays(2);

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject Settings settings;

  /** A delivery to keep. */
  record Received(
      String dedupeKey,
      long accountId,
      Delivery delivery,
      boolean signed,
      String body,
      Instant receivedAt) {}

  /** A delivery waiting to be applied, as claimed by this node. */
  record Pending(
      long id,
      long accountId,
      String event,
      String type,
      String resourceId,
      String sessionId,
      String eventId,
      boolean signed,
      String body,
      int attempts) {}

  /** The same change was already received (the dedupe key's unique index said so). */
  static final class AlreadyReceived extends RuntimeException {
    AlreadyReceived() {
      super("already received", null, false, false);
    }
  }

  /**
   * Commits the delivery in a transaction of its own, so that it is stored once this returns.
   *
   * @throws AlreadyReceived when a delivery with the same key is in the inbox (nothing is stored)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void store(Received r) {
    String body = r.body();
    if (body != null && settings.database().isDerby() && body.length() > DERBY_MAX_BODY) {
      // Too large to keep here: the row stays a hint, and the sync re-reads its scope.
      body = null;
    }
    Delivery d = r.delivery();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO webhook_inbox (dedupe_key, account_id, event, resource_type,"
                    + " resource_id, session_id, event_id, signed, body, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, r.dedupeKey());
      insert.setLong(2, r.accountId());
      insert.setString(3, cut(d.event(), 64));
      insert.setString(4, cut(d.type(), 32));
      insert.setString(5, cut(d.id(), 64));
      insert.setString(6, cut(d.sessionId(), 64));
      insert.setString(7, cut(d.eventId(), 64));
      insert.setShort(8, (short) (r.signed() && body != null ? 1 : 0));
      if (body == null) {
        insert.setNull(9, Types.VARCHAR);
      } else {
        insert.setString(9, body);
      }
      insert.setLong(10, r.receivedAt().toEpochMilli());
      insert.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new AlreadyReceived();
      }
      throw new IllegalStateException("webhook inbox: " + e.getSQLState(), e);
    }
  }

  /**
   * Claims up to {@code max} rows nobody holds (or whose holder's lease ran out) for {@code node}
   * until {@code now + lease}, oldest first.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Pending> claim(String node, Instant now, Duration lease, int max) {
    long nowMillis = now.toEpochMilli();
    String select =
        "SELECT id FROM webhook_inbox WHERE applied_at IS NULL"
            + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id"
            + (settings.database().isDerby()
                ? " FETCH FIRST " + max + " ROWS ONLY"
                : " LIMIT " + max + " FOR UPDATE SKIP LOCKED");
    List<Pending> claimed = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(select)) {
        s.setLong(1, nowMillis);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
        }
      }
      try (PreparedStatement take =
              c.prepareStatement(
                  "UPDATE webhook_inbox SET claimed_by = ?, claimed_until = ?,"
                      + " attempts = attempts + 1 WHERE id = ? AND applied_at IS NULL"
                      + " AND (claimed_until IS NULL OR claimed_until < ?)");
          PreparedStatement read =
              c.prepareStatement(
                  "SELECT account_id, event, resource_type, resource_id, session_id, event_id,"
                      + " signed, body, attempts FROM webhook_inbox WHERE id = ?")) {
        for (long id : ids) {
          take.setString(1, node);
          take.setLong(2, nowMillis + lease.toMillis());
          take.setLong(3, id);
          take.setLong(4, nowMillis);
          if (take.executeUpdate() == 0) {
            continue; // another node took it first
          }
          read.setLong(1, id);
          try (ResultSet row = read.executeQuery()) {
            if (row.next()) {
              claimed.add(
                  new Pending(
                      id,
                      row.getLong(1),
                      row.getString(2),
                      row.getString(3),
                      row.getString(4),
                      row.getString(5),
                      row.getString(6),
                      row.getShort(7) == 1,
                      row.getString(8),
                      row.getInt(9)));
            }
          }
        }
      }
      return claimed;
    } catch (SQLException e) {
      throw new IllegalStateException("webhook inbox: " + e.getSQLState(), e);
    }
  }

  /** Marks a row done, in the caller's transaction (the one that applied it). */
  @Transactional
  public void done(long id, String node, String outcome, Instant now) {
    update(
        "UPDATE webhook_inbox SET applied_at = ?, outcome = ?, claimed_until = NULL"
            + " WHERE id = ? AND claimed_by = ?",
        now.toEpochMilli(),
        cut(outcome, 200),
        id,
        node);
  }

  /** Gives a row back after a failure, to be tried again once {@code retryAt} has come. */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(long id, String node, String problem, Instant retryAt) {
    update(
        "UPDATE webhook_inbox SET claimed_until = ?, outcome = ? WHERE id = ? AND claimed_by = ?",
        retryAt.toEpochMilli(),
        cut(problem, 200),
        id,
        node);
  }

  /** Deletes applied rows older than {@link #KEPT}. */
  @Transactional(TxType.REQUIRES_NEW)
  public int purge(Instant now) {
    return update(
        "DELETE FROM webhook_inbox WHERE applied_at IS NOT NULL AND received_at < ?",
        now.minus(KEPT).toEpochMilli());
  }

  /**
   * Forgets a connection's deliveries, in the disconnection's transaction (a plain observer): a
   * rolled-back disconnection forgets nothing, a committed one leaves nothing behind.
   */
  void forget(@Observes ConnectionRemoved removed) {
    forget(removed.accountId());
  }

  @Transactional
  public void forget(long accountId) {
    update("DELETE FROM webhook_inbox WHERE account_id = ?", accountId);
  }

  /** What the health figures need about one connection, or about all when accountId is null. */
  record Figures(
      Optional<Instant> lastDelivery, long deliveries24h, long pending, Optional<Instant> oldest) {}

  @Transactional
  public Figures figures(Long accountId, Instant now) {
    String where = accountId == null ? "" : " AND account_id = ?";
    try (Connection c = dataSource.getConnection()) {
      Optional<Instant> last;
      long day;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT MAX(received_at), COUNT(*) FROM webhook_inbox WHERE received_at >= ?"
                  + where)) {
        s.setLong(1, now.minus(Duration.ofDays(1)).toEpochMilli());
        if (accountId != null) {
          s.setLong(2, accountId);
        }
        try (ResultSet row = s.executeQuery()) {
          row.next();
          long max = row.getLong(1);
          last = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(max));
          day = row.getLong(2);
        }
      }
      if (last.isEmpty()) {
        try (PreparedStatement s =
            c.prepareStatement("SELECT MAX(received_at) FROM webhook_inbox WHERE 1 = 1" + where)) {
          if (accountId != null) {
            s.setLong(1, accountId);
          }
          try (ResultSet row = s.executeQuery()) {
            row.next();
            long max = row.getLong(1);
            last = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(max));
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT MIN(received_at), COUNT(*) FROM webhook_inbox WHERE applied_at IS NULL"
                  + where)) {
        if (accountId != null) {
          s.setLong(1, accountId);
        }
        try (ResultSet row = s.executeQuery()) {
          row.next();
          long min = row.getLong(1);
          Optional<Instant> oldest =
              row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(min));
          return new Figures(last, day, row.getLong(2), oldest);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("webhook inbox: " + e.getSQLState(), e);
    }
  }

  private int update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          s.setNull(i + 1, java.sql.Types.VARCHAR);
        } else {
          s.setObject(i + 1, values[i]);
        }
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("webhook inbox: " + e.getSQLState(), e);
    }
  }

  static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
