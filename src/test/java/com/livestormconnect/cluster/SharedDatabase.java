package com.livestormconnect.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A database of a two-node test's own on the build's throwaway PostgreSQL: made empty, so the nodes
 * migrate it together and no other test's rows are in the way. Tests without that server (the
 * build's other executions) are skipped, not failed.
 */
record SharedDatabase(String url, String user, String password, Path passwordFile) {
  static SharedDatabase fresh(String name, Class<?> test) throws Exception {
    String server = System.getProperty("it.postgres.url");
    Path passwordFile = Path.of(System.getProperty("it.postgres.password.file", "-"));
    assumeTrue(
        server != null && Files.isReadable(passwordFile),
        test.getSimpleName()
            + " needs the build's PostgreSQL (failsafe execution 'postgresql'); skipped");
    String user = System.getProperty("it.postgres.user");
    String password = Files.readString(passwordFile).strip();
    try (Connection c = DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    return new SharedDatabase(
        server.substring(0, server.lastIndexOf('/') + 1) + name, user, password, passwordFile);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * What every node of the test is started with: this database, one token encryption key for all (a
   * token one node stores, the other reads), the first node's URL as the public one, and {@code
   * extra}.
   */
  Map<String, String> nodeSettings(int publicPort, Map<String, String> extra) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> settings = new HashMap<>();
    settings.put("APP_BASE_URL", "http://127.0.0.1:" + publicPort);
    settings.put("DATABASE_URL", url);
    settings.put("DATABASE_USER", user);
    settings.put("DATABASE_PASSWORD_FILE", passwordFile.toString());
    settings.put("TOKEN_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
    settings.putAll(extra);
    return Map.copyOf(settings);
  }
}
