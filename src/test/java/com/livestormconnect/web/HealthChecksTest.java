package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.config.Settings;
import com.livestormconnect.database.Migrations;
import jakarta.json.JsonObject;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthChecksTest {
  @TempDir Path dataDir;

  private HealthChecks checks(DataSource dataSource, String databaseUrl) {
    HealthChecks checks = new HealthChecks();
    checks.dataSource = dataSource;
    checks.settings =
        Settings.parse(Map.of("DATA_DIR", dataDir.toString(), "DATABASE_URL", databaseUrl)::get);
    return checks;
  }

  private static DataSource unreachable() {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
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
}
