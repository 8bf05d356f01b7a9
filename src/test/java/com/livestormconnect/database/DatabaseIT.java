package com.livestormconnect.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.account.Account;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.account.SignUpForm;
import com.livestormconnect.config.DatabaseSettings;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the container: the schema is Flyway's, and accounts are stored as designed. */
@ExtendWith(ArquillianExtension.class)
class DatabaseIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.app(DatabaseIT.class);
  }

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject AccountStore accounts;

  @Test
  void runsOnTheConfiguredDatabaseWithTheSharedRateLimitTableOnPostgreSql() throws Exception {
    boolean postgres = DatabaseSettings.fromEnvironment().url().startsWith("jdbc:postgresql:");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertEquals(
          postgres ? "PostgreSQL" : "Apache Derby", c.getMetaData().getDatabaseProductName());
      if (postgres) {
        try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM permit_slot")) {
          assertTrue(rows.next());
        }
      }
    }
  }

  @Test
  void deploymentMigratedTheDatabaseToTheLatestVersion() throws Exception {
    var info = Migrations.flyway(dataSource, DatabaseSettings.fromEnvironment()).info();
    assertEquals(0, info.pending().length, "no migration left pending");
    assertTrue(info.applied().length >= 1);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM account")) {
      assertTrue(rows.next());
    }
  }

  @Test
  void migrationsRunOnAFreshDerbyDatabase() throws Exception {
    String url = "jdbc:derby:memory:fresh-" + UUID.randomUUID() + ";create=true";
    var fresh =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(url, null, null)
            .locations("classpath:db/migration")
            .load();
    var result = fresh.migrate();
    assertTrue(result.migrationsExecuted >= 1);
    assertEquals(0, fresh.info().pending().length);
  }

  @Test
  void passwordsAreStoredAsPbkdf2HashesOnly() throws Exception {
    String username = "hash-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.create(SignUpForm.of(username, "a very secret password"));
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT password_hash FROM account WHERE username_key = '" + username + "'")) {
      assertTrue(rows.next());
      String stored = rows.getString(1);
      assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:210000:"), stored);
      assertFalse(stored.contains("a very secret password"));
    }
  }

  @Test
  void theFirstAccountIsAnAdministratorAndLaterOnesAreNot() throws Exception {
    String username = "later-" + UUID.randomUUID().toString().substring(0, 8);
    Account later = accounts.create(SignUpForm.of(username, "another long password"));
    assertEquals(java.util.Set.of(AccountStore.USER), accounts.groups(later));
    long firstId;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT username FROM account ORDER BY id")) {
      rows.next();
      Account first = accounts.find(rows.getString(1)).orElseThrow();
      assertTrue(accounts.groups(first).contains(AccountStore.ADMIN));
      firstId = first.getId();
    }
    assertTrue(later.getId() > firstId);
  }
}
