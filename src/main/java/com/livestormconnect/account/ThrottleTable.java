package com.livestormconnect.account;

import com.livestormconnect.database.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The state of every sign-in and sign-up limit, in the database's {@code throttle_state} table, so
 * that all nodes share one limit and a restart forgets nothing. A table of our own rather than
 * Bucket4j's PostgreSQL backend: the same SQL runs on Derby (one node, and the in-container tests)
 * and on PostgreSQL, and it holds the known addresses and the sign-up log besides token buckets.
 *
 * <p>Each change is one short transaction on the non-transactional permits pool (never part of a
 * caller's transaction): the row is locked and read, its new state computed here and written back,
 * so that concurrent attempts on any node are counted one after another. A missing row is inserted;
 * when two nodes insert the same key at once the loser starts again and finds the winner's row.
 * Keys are SHA-256 hashes: neither usernames nor addresses are stored.
 */
@ApplicationScoped
public class ThrottleTable {
  private static final Logger LOG = Logger.getLogger(ThrottleTable.class.getName());
  private static final String UNIQUE_VIOLATION = "23505";
  private static final long PURGE_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();

  @Resource(lookup = Database.PERMITS_JNDI_NAME)
  DataSource dataSource;

  @Inject Clock clock;

  private final AtomicLong lastPurge = new AtomicLong();

  ThrottleTable() {}

  ThrottleTable(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** What a change leaves behind: the new state (null: the row is deleted) and its result. */
  record Change<T>(T result, String state, long expiresAt) {
    static <T> Change<T> delete(T result) {
      return new Change<>(result, null, 0);
    }
  }

  /** Computes a row's next state from its current one (empty when absent or expired). */
  interface Step<T> {
    Change<T> apply(Optional<String> state, long nowMillis);
  }

  /** Runs {@code step} on the row of {@code key} under its lock, and stores what it returns. */
  <T> T change(String key, Step<T> step) {
    String id = hash(key);
    purgeNowAndThen();
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          T result = change(c, id, step);
          c.commit();
          return result;
        } catch (SQLException e) {
          c.rollback();
          if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt >= 3) {
            throw e;
          }
        } finally {
          c.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("throttle table: " + e.getSQLState(), e);
      }
    }
  }

  private <T> T change(Connection c, String id, Step<T> step) throws SQLException {
    long now = clock.millis();
    // An update that changes nothing takes the row's write lock, the same way on Derby and
    // PostgreSQL (Derby takes no lock for a SELECT ... FOR UPDATE on a read-only cursor).
    boolean exists;
    try (PreparedStatement lock =
        c.prepareStatement("UPDATE throttle_state SET state = state WHERE state_key = ?")) {
      lock.setString(1, id);
      exists = lock.executeUpdate() > 0;
    }
    Optional<String> state = Optional.empty();
    if (exists) {
      try (PreparedStatement read =
          c.prepareStatement("SELECT state, expires_at FROM throttle_state WHERE state_key = ?")) {
        read.setString(1, id);
        try (ResultSet row = read.executeQuery()) {
          if (row.next() && row.getLong(2) > now) {
            state = Optional.of(row.getString(1));
          }
        }
      }
    }
    Change<T> change = step.apply(state, now);
    if (change.state() == null) {
      if (exists) {
        try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM throttle_state WHERE state_key = ?")) {
          delete.setString(1, id);
          delete.executeUpdate();
        }
      }
    } else if (exists) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE throttle_state SET state = ?, expires_at = ? WHERE state_key = ?")) {
        update.setString(1, change.state());
        update.setLong(2, change.expiresAt());
        update.setString(3, id);
        update.executeUpdate();
      }
    } else {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO throttle_state (state_key, state, expires_at) VALUES (?, ?, ?)")) {
        insert.setString(1, id);
        insert.setString(2, change.state());
        insert.setLong(3, change.expiresAt());
        insert.executeUpdate();
      }
    }
    return change.result();
  }

  /** Whether {@code key} has an unexpired row (no lock: a flag such as a known address). */
  boolean holds(String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement read =
            c.prepareStatement(
                "SELECT 1 FROM throttle_state WHERE state_key = ? AND expires_at > ?")) {
      read.setString(1, hash(key));
      read.setLong(2, clock.millis());
      try (ResultSet row = read.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("throttle table: " + e.getSQLState(), e);
    }
  }

  /** Sets a flag for {@code key} that lasts {@code duration}. */
  void hold(String key, Duration duration) {
    change(key, (state, now) -> new Change<>(null, "", now + duration.toMillis()));
  }

  /** Deletes the rows that have expired, at most every ten minutes on each node. */
  private void purgeNowAndThen() {
    long now = clock.millis();
    long last = lastPurge.get();
    if (now - last < PURGE_EVERY_MILLIS || !lastPurge.compareAndSet(last, now)) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement purge =
            c.prepareStatement("DELETE FROM throttle_state WHERE expires_at < ?")) {
      purge.setLong(1, now);
      int purged = purge.executeUpdate();
      if (purged > 0) {
        LOG.fine(() -> "Deleted " + purged + " expired throttle rows");
      }
    } catch (SQLException e) {
      LOG.warning(() -> "Could not delete expired throttle rows: " + e.getSQLState());
    }
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
