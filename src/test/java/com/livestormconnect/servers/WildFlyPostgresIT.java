package com.livestormconnect.servers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * The smoke suite on WildFly again, on the build's throwaway PostgreSQL (Hibernate's {@code SELECT
 * ... FOR UPDATE} and the PostgreSQL-only migrations). Skipped, like the other PostgreSQL tests,
 * when the build found no PostgreSQL binaries.
 */
class WildFlyPostgresIT extends ServerSmokeTests {
  @Override
  String serverName() {
    return "wildfly";
  }

  @Override
  String workName() {
    return "wildfly-postgresql";
  }

  @Override
  @BeforeAll
  void startServer() {
    assumeTrue(!System.getProperty("it.postgres.url", "").isBlank(), "no PostgreSQL in this build");
    super.startServer();
  }

  @Override
  Map<String, String> databaseSettings() {
    return Map.of(
        "DATABASE_URL", System.getProperty("it.postgres.url"),
        "DATABASE_USER", System.getProperty("it.postgres.user"),
        "DATABASE_PASSWORD_FILE", System.getProperty("it.postgres.password.file"));
  }
}
