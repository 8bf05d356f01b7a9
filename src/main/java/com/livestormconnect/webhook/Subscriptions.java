package com.livestormconnect.webhook;

import com.livestormconnect.database.Database;
import com.livestormconnect.token.ConnectionRemoved;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The app's subscriptions as stored here (table {@code webhook_subscription}) and the token in each
 * one's receiver URL. A token is 32 random bytes; only its SHA-256 is stored, so the table alone
 * does not let anyone post as Livestorm to a connection. A new token is made whenever a
 * subscription is (re-)created, since the old one cannot be recovered from its hash.
 */
@ApplicationScoped
public class Subscriptions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String COLUMNS =
      "account_id, event, livestorm_id, state, problem, created_at, checked_at, duplicates";

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  /** Another node took the check (rolls the attempt back). */
  static final class Taken extends RuntimeException {
    Taken() {
      super("taken by another node", null, false, false);
    }
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    return Delivery.sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  /** The subscription whose URL carries {@code token}, if any. */
  @Transactional
  public Optional<Subscription> byToken(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    List<Subscription> found =
        query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE token_hash = ?", hash(token));
    return found.stream().findFirst();
  }

  /** A connection's subscriptions, by event. */
  @Transactional
  public List<Subscription> of(long accountId) {
    return query(
        "SELECT " + COLUMNS + " FROM webhook_subscription WHERE account_id = ? ORDER BY event",
        accountId);
  }

  /** Every subscription, for the metrics. */
  @Transactional
  public List<Subscription> all() {
    return query("SELECT " + COLUMNS + " FROM webhook_subscription ORDER BY account_id, event");
  }

  /**
   * Stores what became of (re-)creating a subscription: its new token's hash and Livestorm's id, or
   * the problem that kept it from being created.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void save(
      long accountId,
      String event,
      String token,
      String livestormId,
      Subscription.State state,
      String problem,
      Instant now) {
    int updated =
        update(
            "UPDATE webhook_subscription SET token_hash = ?, livestorm_id = ?, state = ?,"
                + " problem = ?, created_at = ?, checked_at = ? WHERE account_id = ? AND event = ?",
            hash(token),
            livestormId,
            state.name(),
            Inbox.cut(problem, 500),
            now.toEpochMilli(),
            now.toEpochMilli(),
            accountId,
            event);
    if (updated == 0) {
      update(
          "INSERT INTO webhook_subscription (account_id, event, token_hash, livestorm_id, state,"
              + " problem, created_at, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          accountId,
          event,
          hash(token),
          livestormId,
          state.name(),
          Inbox.cut(problem, 500),
          now.toEpochMilli(),
          now.toEpochMilli());
    }
  }

  /** Records the outcome of a check that found the subscription listed (or not) at Livestorm. */
  @Transactional(TxType.REQUIRES_NEW)
  public void checked(long accountId, String event, Subscription.State state, Instant now) {
    update(
        "UPDATE webhook_subscription SET state = ?, checked_at = ? WHERE account_id = ?"
            + " AND event = ?",
        state.name(),
        now.toEpochMilli(),
        accountId,
        event);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void countDuplicate(long accountId, String event) {
    update(
        "UPDATE webhook_subscription SET duplicates = duplicates + 1 WHERE account_id = ?"
            + " AND event = ?",
        accountId,
        event);
  }

  /**
   * Takes the connection's next check for this node when it is due (none recorded yet, or {@code
   * next_check_at} passed), moving it to {@code next}: one node checks a connection per period.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean takeCheck(long accountId, Instant now, Instant next) {
    int moved =
        update(
            "UPDATE webhook_check SET next_check_at = ? WHERE account_id = ?"
                + " AND next_check_at <= ?",
            next.toEpochMilli(),
            accountId,
            now.toEpochMilli());
    if (moved > 0) {
      return true;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM webhook_check WHERE account_id = ?")) {
      exists.setLong(1, accountId);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return false;
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO webhook_check (account_id, next_check_at) VALUES (?, ?)")) {
        insert.setLong(1, accountId);
        insert.setLong(2, next.toEpochMilli());
        insert.executeUpdate();
        return true;
      }
    } catch (SQLException e) {
      if (Inbox.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new Taken(); // another node took the first check
      }
      throw new IllegalStateException("webhook subscriptions: " + e.getSQLState(), e);
    }
  }

  /**
   * Forgets a connection's subscriptions, in the disconnection's transaction (a plain observer);
   * {@link SubscriptionKeeper#removeAtLivestorm} has deleted them at Livestorm just before.
   */
  void forget(@Observes ConnectionRemoved removed) {
    forget(removed.accountId());
  }

  @Transactional
  public void forget(long accountId) {
    update("DELETE FROM webhook_subscription WHERE account_id = ?", accountId);
    update("DELETE FROM webhook_check WHERE account_id = ?", accountId);
  }

  private List<Subscription> query(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          s.setNull(i + 1, java.sql.Types.VARCHAR);
        } else {
          s.setObject(i + 1, values[i]);
        }
      }
      List<Subscription> found = new ArrayList<>();
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          long checked = row.getLong(7);
          Instant checkedAt = row.wasNull() ? null : Instant.ofEpochMilli(checked);
          found.add(
              new Subscription(
                  row.getLong(1),
                  row.getString(2),
                  row.getString(3),
                  Subscription.State.valueOf(row.getString(4)),
                  row.getString(5),
                  Instant.ofEpochMilli(row.getLong(6)),
                  checkedAt,
                  row.getLong(8)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("webhook subscriptions: " + e.getSQLState(), e);
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
      throw new IllegalStateException("webhook subscriptions: " + e.getSQLState(), e);
    }
  }
}
