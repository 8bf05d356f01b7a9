package com.livestormconnect.livestorm.budget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The arrival window shared by every node through PostgreSQL (table {@code permit_slot}, migration
 * {@code db/postgresql/V40__permit_slot.sql}): one row per slot and connection with the instant, on
 * the database's clock, at which the slot is free again. Each statement is one autocommitted round
 * trip on the non-transactional permits pool:
 *
 * <ul>
 *   <li>take: the row that has been free longest (free_at passed: given back a window ago, or its
 *       holder's lease ran out), locked with {@code FOR UPDATE SKIP LOCKED} so that two nodes never
 *       wait on each other, is marked held by a random holder id until the lease ends;
 *   <li>release: that row (if still ours) is free one window after now;
 *   <li>pause: every row of the connection is free no earlier than the end of the pause.
 * </ul>
 *
 * <p>The pause after a 429 lives in the same rows ({@code paused_until}), so every node holds its
 * callers back and every node can say when calls resume, whichever node received the 429.
 *
 * <p>A held row carries a lease ({@code free_at} = take + connect timeout + window + 0.5 s) so that
 * a node killed while holding it frees it after a few seconds. The lease is safe: a request reaches
 * Livestorm within the connect timeout of leaving (it is sent as soon as the connection is open),
 * so once the lease has run out its arrival is more than a window in the past, even if its answer
 * is still outstanding. All times come from the database ({@code clock_timestamp()}), so the nodes'
 * clocks need not agree.
 */
final class SharedWindow implements ArrivalWindow {
  private static final Logger LOG = Logger.getLogger(SharedWindow.class.getName());

  /** How often a waiter looks again when every slot is held (a release can come at any moment). */
  private static final long POLL_NANOS = Duration.ofMillis(25).toNanos();

  private final DataSource dataSource;
  private final int slots;
  private final Duration window;
  private final Duration lease;

  /**
   * Connections whose rows this node knows to exist, so that it inserts them once: forgetting one
   * only costs an insert that finds the rows there, hence an idle time of its own, an hour.
   */
  private final Set<String> known =
      Collections.newSetFromMap(ConnectionStates.<Boolean>bounded(Duration.ofHours(1)).asMap());

  SharedWindow(DataSource dataSource, int slots, Duration window, Duration connectTimeout) {
    this.dataSource = dataSource;
    this.slots = slots;
    this.window = window;
    this.lease = connectTimeout.plus(window).plusMillis(500);
  }

  @Override
  public Optional<Held> take(String connection, long deadline) throws InterruptedException {
    String holder = UUID.randomUUID().toString();
    while (true) {
      Integer slot = tryTake(connection, holder);
      if (slot != null) {
        return Optional.of(held(connection, slot, holder));
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      long wait = Math.min(left, nanosUntilFree(connection));
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
  }

  private Held held(String connection, int slot, String holder) {
    return new Held() {
      @Override
      public void release() {
        settle(connection, slot, holder, window);
      }

      @Override
      public void giveBack() {
        settle(connection, slot, holder, Duration.ZERO);
      }
    };
  }

  private Integer tryTake(String connection, String holder) {
    if (known.add(connection)) {
      createRows(connection);
    }
    String sql =
        "UPDATE permit_slot SET holder = ?, free_at = clock_timestamp() + ?::interval"
            + " WHERE connection_id = ? AND slot = (SELECT slot FROM permit_slot"
            + " WHERE connection_id = ? AND free_at <= clock_timestamp()"
            + " ORDER BY free_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING slot";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, holder);
      s.setString(2, interval(lease));
      s.setString(3, connection);
      s.setString(4, connection);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? row.getInt(1) : null;
      }
    } catch (SQLException e) {
      throw failure("take a permit slot", e);
    }
  }

  /**
   * How long until a slot may be free: a free slot's time is exact; a held one may be given back at
   * any moment (or its lease end), so then the wait is a short poll. Rows gone (the connection was
   * forgotten) are created again.
   */
  private long nanosUntilFree(String connection) {
    String sql =
        "SELECT COUNT(*), COUNT(holder), EXTRACT(EPOCH FROM (MIN(free_at) - clock_timestamp()))"
            + " FROM permit_slot WHERE connection_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, connection);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        if (row.getLong(1) == 0) {
          known.remove(connection);
          return 0;
        }
        long wait = Math.max(0, (long) (row.getDouble(3) * 1e9));
        return row.getLong(2) > 0 ? Math.min(wait, POLL_NANOS) : wait;
      }
    } catch (SQLException e) {
      throw failure("read the permit slots", e);
    }
  }

  private void settle(String connection, int slot, String holder, Duration after) {
    String sql =
        "UPDATE permit_slot SET holder = NULL,"
            + " free_at = GREATEST(clock_timestamp() + ?::interval, paused_until)"
            + " WHERE connection_id = ? AND slot = ? AND holder = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, interval(after));
      s.setString(2, connection);
      s.setInt(3, slot);
      s.setString(4, holder);
      s.executeUpdate();
    } catch (SQLException e) {
      // The lease frees the slot within seconds anyway; the caller's answer is not lost for this.
      LOG.log(Level.WARNING, "Could not release a permit slot; its lease will free it", e);
    }
  }

  @Override
  public void pause(String connection, Duration pause) {
    if (known.add(connection)) {
      createRows(connection); // a 429 on a connection this node never took a slot for
    }
    String sql =
        "UPDATE permit_slot SET paused_until = GREATEST(paused_until, clock_timestamp() + ?::interval),"
            + " free_at = GREATEST(free_at, clock_timestamp() + ?::interval) WHERE connection_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, interval(pause));
      s.setString(2, interval(pause));
      s.setString(3, connection);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failure("pause the connection's permit slots", e);
    }
  }

  @Override
  public Optional<Instant> resumesAt(String connection) {
    if (connection == null) {
      return Optional.empty();
    }
    String sql =
        "SELECT EXTRACT(EPOCH FROM (MAX(paused_until) - clock_timestamp())) FROM permit_slot"
            + " WHERE connection_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, connection);
      try (ResultSet row = s.executeQuery()) {
        // Measured on the database's clock, told on this node's: the nodes' clocks need not agree.
        double left = row.next() ? row.getDouble(1) : 0;
        return left > 0
            ? Optional.of(Instant.now().plusNanos((long) (left * 1e9)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      // Only a banner and an early "no use waiting" depend on it; taking a slot still obeys the
      // pause (free_at), and fails loudly if the database is gone.
      LOG.log(Level.WARNING, "Could not read the connection's pause", e);
      return Optional.empty();
    }
  }

  /** Removes the connection's rows (after a disconnection). */
  @Override
  public void forget(String connection) {
    known.remove(connection);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM permit_slot WHERE connection_id = ?")) {
      s.setString(1, connection);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failure("forget the connection's permit slots", e);
    }
  }

  private void createRows(String connection) {
    String sql =
        "INSERT INTO permit_slot (connection_id, slot, free_at)"
            + " SELECT ?, s, clock_timestamp() FROM generate_series(0, ?) AS s ON CONFLICT DO NOTHING";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, connection);
      s.setInt(2, slots - 1);
      s.executeUpdate();
    } catch (SQLException e) {
      known.remove(connection);
      throw failure("create the connection's permit slots", e);
    }
  }

  private static String interval(Duration d) {
    return (d.toNanos() / 1_000) + " microseconds";
  }

  private static CallBudget.Refusal failure(String what, SQLException e) {
    return new CallBudget.Refusal(
        CallBudget.Refusal.Reason.UNAVAILABLE,
        null,
        "Could not " + what + " in the database: " + e.getMessage(),
        e);
  }
}
