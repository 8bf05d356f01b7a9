package com.livestormconnect.account;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

/**
 * An in-memory Derby database with the app's whole schema (the real migrations), migrated once per
 * test JVM and emptied of throttle rows for each test, and a clock the test moves: what the
 * throttles run on in a unit test.
 */
final class ThrottleDatabase {
  private static DataSource migrated;

  final DataSource dataSource;
  final MovableClock clock = new MovableClock();
  final ThrottleTable table;

  ThrottleDatabase() {
    this.dataSource = migrated();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM throttle_state");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    this.table = new ThrottleTable(dataSource, clock);
  }

  private static synchronized DataSource migrated() {
    if (migrated == null) {
      EmbeddedDataSource derby = new EmbeddedDataSource();
      derby.setDatabaseName("memory:throttle-" + UUID.randomUUID());
      derby.setCreateDatabase("create");
      Flyway.configure().dataSource(derby).locations("classpath:db/migration").load().migrate();
      migrated = derby;
    }
    return migrated;
  }

  /** The real time, plus however far the test has moved it. */
  static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }
}
