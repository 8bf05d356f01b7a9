package com.livestormconnect.account;

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
 * A fresh in-memory Derby database with the app's whole schema (the real migrations), and a clock
 * the test moves: what the throttles run on in a unit test.
 */
final class ThrottleDatabase {
  final DataSource dataSource;
  final MovableClock clock = new MovableClock();
  final ThrottleTable table;

  ThrottleDatabase() {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName("memory:throttle-" + UUID.randomUUID());
    derby.setCreateDatabase("create");
    Flyway.configure().dataSource(derby).locations("classpath:db/migration").load().migrate();
    this.dataSource = derby;
    this.table = new ThrottleTable(derby, clock);
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
