package com.livestormconnect.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the app's own JTA data source. Its JNDI name is what persistence.xml and every
 * {@code @Resource} use.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "com.livestormconnect.database.ConfiguredDataSource",
    minPoolSize = 1,
    maxPoolSize = 20,
    transactional = true)
@ApplicationScoped
public class Database {
  public static final String JNDI_NAME = "java:app/jdbc/livestorm";
}
