package com.livestormconnect.database;

import com.livestormconnect.config.DatabaseSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The class named in the app's {@code @DataSourceDefinition}: the container pools and enlists its
 * connections, and it picks embedded Derby or PostgreSQL from {@code DATABASE_URL} at run time.
 * Reading the settings here, rather than through a server-specific placeholder in the annotation,
 * keeps the WAR deployable unchanged on any Jakarta EE 10 server.
 *
 * <p>Portability constraints (see "Running on another server" in the README):
 *
 * <ul>
 *   <li>WildFly (IronJacamar) hands the annotation's attributes to the class only through bean
 *       setters and refuses a data source with none, so {@code description} is a real property.
 *   <li>Open Liberty loads an application-defined data source's class only from a shared library,
 *       never from the WAR: this class, with {@code DatabaseSettings}, {@code Environment} and
 *       {@code ConfigurationException} (which need nothing else of the app) and the Derby and
 *       PostgreSQL drivers, is what the build packs into {@code livestorm-connect-datasource.jar}.
 *   <li>An embedded Derby database stays booted, holding its lock file, until it is shut down, so a
 *       redeployment (a new class loader, a new Derby engine) fails with XSDB6 unless the
 *       application shuts it down when it stops ({@link #shutDownEmbeddedDatabases()}).
 * </ul>
 */
public class ConfiguredDataSource implements DataSource {
  private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

  /** Embedded Derby databases opened through this class, to shut down when the app stops. */
  private static final Set<String> EMBEDDED_DATABASES = ConcurrentHashMap.newKeySet();

  private volatile DataSource target;
  private PrintWriter logWriter;
  private int loginTimeout;
  private String description;

  public ConfiguredDataSource() {}

  /** For tests: over a given data source instead of the one DATABASE_URL names. */
  ConfiguredDataSource(DataSource target) {
    this.target = target;
  }

  private DataSource target() {
    DataSource current = target;
    if (current == null) {
      synchronized (this) {
        if (target == null) {
          target = create(DatabaseSettings.fromEnvironment());
        }
        current = target;
      }
    }
    return current;
  }

  static DataSource create(DatabaseSettings settings) {
    if (settings.isDerby()) {
      EmbeddedDataSource derby = new EmbeddedDataSource();
      String spec = settings.url().substring("jdbc:derby:".length());
      int attributes = spec.indexOf(';');
      String databaseName = attributes < 0 ? spec : spec.substring(0, attributes);
      derby.setDatabaseName(databaseName);
      EMBEDDED_DATABASES.add(databaseName);
      if (spec.contains(";create=true")) {
        derby.setCreateDatabase("create");
      }
      settings.user().ifPresent(derby::setUser);
      settings.password().ifPresent(derby::setPassword);
      return derby;
    }
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(settings.url());
    settings.user().ifPresent(postgres::setUser);
    settings.password().ifPresent(postgres::setPassword);
    return postgres;
  }

  /**
   * Shuts down every embedded Derby database this class opened, which deletes its lock file; then,
   * when Derby was loaded from the WAR itself (not from a server library that outlives the app),
   * the whole Derby engine, which unregisters its driver and lets the app's class loader go.
   * Failures are logged, never thrown: the application is stopping anyway.
   */
  public static void shutDownEmbeddedDatabases() {
    if (EMBEDDED_DATABASES.isEmpty()) {
      return;
    }
    for (String name : List.copyOf(EMBEDDED_DATABASES)) {
      EmbeddedDataSource derby = new EmbeddedDataSource();
      derby.setDatabaseName(name);
      derby.setShutdownDatabase("shutdown");
      expectShutdown(derby::getConnection, "08006", "database " + name);
      EMBEDDED_DATABASES.remove(name);
    }
    ClassLoader app = Thread.currentThread().getContextClassLoader();
    if (app != null && EmbeddedDriver.class.getClassLoader() == app) {
      expectShutdown(
          () -> new EmbeddedDriver().connect("jdbc:derby:;shutdown=true", new Properties()),
          "XJ015",
          "engine");
    }
  }

  private interface Connect {
    Connection open() throws SQLException;
  }

  /** Derby reports a successful shutdown as an SQLException with a known state. */
  private static void expectShutdown(Connect shutdown, String successState, String what) {
    try (Connection unexpected = shutdown.open()) {
      LOG.warning(() -> "Derby " + what + " did not shut down");
    } catch (SQLException e) {
      if (successState.equals(e.getSQLState())) {
        LOG.info(() -> "Derby " + what + " shut down");
      } else {
        LOG.log(Level.WARNING, "Derby " + what + " failed to shut down: " + e.getSQLState(), e);
      }
    }
  }

  /** A standard JDBC data-source property; WildFly needs at least one settable property. */
  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target().getConnection();
  }

  /**
   * WildFly's pool calls this with empty credentials when the annotation names none; the configured
   * ones (DATABASE_USER, DATABASE_PASSWORD) apply then, not "no user".
   */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    if (username == null || username.isEmpty()) {
      return target().getConnection();
    }
    return target().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return target().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target().isWrapperFor(type);
  }
}
