package com.livestormconnect.livestorm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
 * <p>A held row carries a lease ({@code free_at} = take + connect timeout + window + 0.5 s) so that
 * a node killed while holding it frees it after a few seconds. The lease is safe: a request reaches
 * Livestorm within the connect timeout of leaving (it is sent as soon as the connection is open),
 * so once the lease has run out its arrival is more than a window in the past, even if its answer
 * is still outstanding. All times come from the database ({@code clock_timestamp()}), so the nodes'
 * clocks need not agree.
 */
final class SlotTable {
  private static final Logger LOG = Logger.getLogger(SlotTable.class.getName());

  /** How often a waiter looks again when every slot is held (a release can come at any moment). */
  private static final long POLL_NANOS = Duration.ofMillis(25).toNanos();

  private final DataSource dataSource;
  private final int slots;
  private final Duration window;
  private final Duration lease;

  /**
   * Connections whose rows exist (bounded: a connection pushed out only has its rows made again).
   */
  private final Set<String> known =
      Collections.newSetFromMap(
          ConnectionStates.<Boolean>bounded(MonthlyQuota.LONGEST_HOLD).asMap());

  SlotTable(DataSource dataSource, int slots, Duration window, Duration connectTimeout) {
    this.dataSource = dataSource;
    this.slots = slots;
    this.window = window;
    this.lease = connectTimeout.plus(window).plusMillis(500);
  }

  /** The window of one connection. */
  ArrivalWindow of(String connection) {
    return new ArrivalWindow() {
      @Override
      public Optional<Held> take(long deadline) throws InterruptedException {
        return SlotTable.this.take(connection, deadline);
      }

      @Override
      public void pause(Duration pause) {
        SlotTable.this.pause(connection, pause);
      }
    };
  }

  Optional<ArrivalWindow.Held> take(String connection, long deadline) throws InterruptedException {
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
      long[] until = nanosUntilFree(connection);
      if (until[0] > left && until[1] == 0) {
        return Optional.empty(); // paused past the caller's deadline: no use waiting
      }
      long wait = Math.min(left, until[0]);
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
  }

  private ArrivalWindow.Held held(String connection, int slot, String holder) {
    return new ArrivalWindow.Held() {
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
   * How long until a slot may be free, and whether any is held: a free slot's time is exact; a held
   * one may be given back at any moment (or its lease end), so then the wait is a short poll. Rows
   * gone (the connection was forgotten) are created again.
   */
  private long[] nanosUntilFree(String connection) {
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
          return new long[] {0, 0};
        }
        long held = row.getLong(2);
        long wait = Math.max(0, (long) (row.getDouble(3) * 1e9));
        return new long[] {held > 0 ? Math.min(wait, POLL_NANOS) : wait, held};
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

  void pause(String connection, Duration pause) {
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

  /** Removes the connection's rows (after a disconnection). */
  void forget(String connection) {
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

  private static LivestormException failure(String what, SQLException e) {
    return new LivestormException(
        LivestormException.Kind.UNAVAILABLE,
        "rate limit",
        0,
        "Could not " + what + " in the database: " + e.getMessage(),
        e);
  }
}
