package com.livestormconnect.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the app's data sources. {@link #JNDI_NAME} is the JTA one that persistence.xml and every
 * {@code @Resource} use. {@link #PERMITS_JNDI_NAME} is a small non-transactional pool on the same
 * database for the rate limiter's shared window (table {@code permit_slot}): each take, release and
 * pause commits at once on its own connection, which must never be enlisted in a caller's JTA
 * transaction.
 */
@DataSourceDefinitions({
  @DataSourceDefinition(
      name = Database.JNDI_NAME,
      className = "com.livestormconnect.database.ConfiguredDataSource",
      description = "Livestorm Connect",
      minPoolSize = 1,
      maxPoolSize = 20,
      transactional = true),
  @DataSourceDefinition(
      name = Database.PERMITS_JNDI_NAME,
      className = "com.livestormconnect.database.ConfiguredDataSource",
      description = "Livestorm Connect rate-limit permits",
      minPoolSize = 0,
      maxPoolSize = 10,
      transactional = false)
})
@ApplicationScoped
public class Database {
  public static final String JNDI_NAME = "java:app/jdbc/livestorm";
  public static final String PERMITS_JNDI_NAME = "java:app/jdbc/livestorm-permits";
}
