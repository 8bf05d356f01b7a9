package com.livestormconnect.database;

import com.livestormconnect.config.DatabaseSettings;
import com.livestormconnect.config.Settings;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at deployment, before the first request. A failure fails the
 * deployment rather than serving on a half-migrated schema. {@code db/migration} runs on every
 * database; {@code db/postgresql} holds what only a multi-node (PostgreSQL) installation needs.
 */
@ApplicationScoped
public class Migrations {
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject Settings settings;

  void migrate(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object event) {
    MigrateResult result = flyway(dataSource, settings.database()).migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /** Flyway configured as the deployment runs it, for migrating and for reporting. */
  public static Flyway flyway(DataSource dataSource, DatabaseSettings database) {
    String[] locations =
        database.isDerby()
            ? new String[] {"classpath:db/migration"}
            : new String[] {"classpath:db/migration", "classpath:db/postgresql"};
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(locations)
        // Databases migrated before V41 list R__permit_bucket, a repeatable migration since removed
        // (V41 drops its table): without this, validation would refuse to start on them. Only
        // missing repeatable ones are forgiven; a missing versioned migration still fails.
        .ignoreMigrationPatterns("*:future", "repeatable:missing")
        // Each feature migrates in its own range of versions (the copy from V16 while the
        // PostgreSQL-only files are at V42): a database already past V41 still takes V16.
        .outOfOrder(true)
        // Flyway also scans classpath:db/callback by default, which does not exist: on Open Liberty
        // that logs an error (its class loader lists only folders holding a flyway.location file).
        .callbackLocations(locations)
        .load();
  }
}
