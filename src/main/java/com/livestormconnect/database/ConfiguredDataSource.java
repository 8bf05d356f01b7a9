package com.livestormconnect.database;

import com.livestormconnect.config.DatabaseSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The class named in the app's {@code @DataSourceDefinition}: the container pools and enlists its
 * connections, and it picks embedded Derby or PostgreSQL from {@code DATABASE_URL} at run time.
 * Reading the settings here, rather than through a server-specific placeholder in the annotation,
 * keeps the WAR deployable unchanged on any Jakarta EE 10 server.
 */
public class ConfiguredDataSource implements DataSource {
  private volatile DataSource target;
  private PrintWriter logWriter;
  private int loginTimeout;

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
      derby.setDatabaseName(attributes < 0 ? spec : spec.substring(0, attributes));
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

  @Override
  public Connection getConnection() throws SQLException {
    return target().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
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
