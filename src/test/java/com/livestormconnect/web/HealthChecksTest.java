package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.MovableClock;
import com.livestormconnect.config.Settings;
import com.livestormconnect.database.Migrations;
import jakarta.json.JsonObject;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthChecksTest {
  @TempDir Path dataDir;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));

  private HealthChecks checks(DataSource dataSource, String databaseUrl) {
    HealthChecks checks = new HealthChecks();
    checks.clock = clock;
    checks.dataSource = dataSource;
    checks.settings =
        Settings.parse(Map.of("DATA_DIR", dataDir.toString(), "DATABASE_URL", databaseUrl)::get);
    return checks;
  }

  private static DataSource unreachable() {
    return unreachable(new AtomicInteger());
  }

  private static DataSource unreachable(AtomicInteger attempts) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              attempts.incrementAndGet();
              throw new SQLException("Connection refused", "08001");
            });
  }

  @Test
  void readyOnlyOnceTheDatabaseAnswersAndEveryMigrationIsApplied() {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName("memory:health-checks");
    derby.setCreateDatabase("create");
    HealthChecks checks = checks(derby, "jdbc:derby:memory:health-checks;create=true");

    List<HealthChecks.Check> before = checks.readiness();
    assertTrue(before.get(0).up(), "database");
    assertFalse(before.get(1).up(), "migrations pending");
    assertFalse(HealthChecks.ready(before));
    assertEquals("DOWN", HealthChecks.json(before).getString("status"));

    Migrations.flyway(derby, checks.settings.database()).migrate();
    assertFalse(HealthChecks.ready(checks.readiness()), "the outcome is kept a few seconds");
    clock.advance(HealthChecks.FRESH_FOR);
    List<HealthChecks.Check> after = checks.readiness();
    assertTrue(HealthChecks.ready(after), after.toString());
    JsonObject json = HealthChecks.json(after);
    assertEquals("UP", json.getString("status"));
    assertEquals(
        "0", json.getJsonObject("checks").getJsonObject("migrations").getString("pending"));
    assertEquals(
        "sandbox", json.getJsonObject("checks").getJsonObject("configuration").getString("mode"));
    assertFalse(
        json.getJsonObject("checks").containsKey("livestormTokenHost"),
        "sandbox mode: no DNS check");
  }

  @Test
  void anUnreachableDatabaseMakesTheNodeUnreadyWithoutSayingWhy() {
    HealthChecks checks = checks(unreachable(), "jdbc:postgresql://127.0.0.1:1/nowhere");
    List<HealthChecks.Check> results = checks.readiness();
    assertFalse(HealthChecks.ready(results));
    JsonObject json = HealthChecks.json(results).getJsonObject("checks");
    assertEquals("DOWN", json.getJsonObject("database").getString("status"));
    assertEquals("DOWN", json.getJsonObject("migrations").getString("status"));
    assertFalse(json.toString().contains("refused"), json.toString());
  }

  @Test
  void anUnresolvableLivestormHostIsReportedButDoesNotFailReadiness() {
    List<HealthChecks.Check> results =
        List.of(
            new HealthChecks.Check("database", true, true, Map.of()),
            new HealthChecks.Check(
                "livestormTokenHost", false, false, Map.of("host", "app.livestorm.co")));
    assertTrue(HealthChecks.ready(results));
    JsonObject host =
        HealthChecks.json(results).getJsonObject("checks").getJsonObject("livestormTokenHost");
    assertEquals("DOWN", host.getString("status"));
    assertFalse(host.getBoolean("affectsReadiness"));
    assertFalse(
        HealthChecks.ready(List.of(new HealthChecks.Check("database", false, true, Map.of()))));
  }

  @Test
  void aFloodOfProbesRunsTheChecksOncePerFewSeconds() {
    AtomicInteger attempts = new AtomicInteger();
    HealthChecks checks = checks(unreachable(attempts), "jdbc:postgresql://127.0.0.1:1/nowhere");
    checks.readiness();
    int once = attempts.get();
    assertTrue(once > 0);
    for (int i = 0; i < 1_000; i++) {
      checks.readiness();
    }
    clock.advance(HealthChecks.FRESH_FOR.minusMillis(1));
    checks.readiness();
    assertEquals(once, attempts.get(), "no database work for the probes within the window");
    clock.advance(Duration.ofMillis(1));
    checks.readiness();
    assertEquals(2 * once, attempts.get(), "run again once the outcome is old");
  }

  @Test
  void anonymousCallersGetTheStatusAlone() {
    List<HealthChecks.Check> results =
        List.of(
            new HealthChecks.Check("database", true, true, Map.of()),
            new HealthChecks.Check("configuration", true, true, Map.of("mode", "production")));
    assertEquals("{\"status\":\"UP\"}", HealthChecks.status(results).toString());
    assertEquals(
        "{\"status\":\"DOWN\"}",
        HealthChecks.status(
                List.of(new HealthChecks.Check("database", false, true, Map.of("error", "x"))))
            .toString());
  }
}
