package com.livestormconnect.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.config.DatabaseSettings;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredDataSourceTest {
  @TempDir Path dir;

  @Test
  void shuttingDownReleasesTheEmbeddedDatabaseSoThatANewEngineCanBootIt() throws Exception {
    Path db = dir.resolve("db");
    DataSource source =
        ConfiguredDataSource.create(
            new DatabaseSettings(
                "jdbc:derby:" + db + ";create=true", Optional.empty(), Optional.empty()));
    try (Connection c = source.getConnection()) {
      c.createStatement().execute("CREATE TABLE t (x INT)");
    }
    // While booted, a second Derby engine (a redeployed WAR's class loader) cannot open it.
    assertTrue(otherEngineCannotOpen(db), "a second engine opened a booted database");

    ConfiguredDataSource.shutDownEmbeddedDatabases();

    assertFalse(otherEngineCannotOpen(db), "the database is still booted after the shutdown");
    // And this engine can open it again, data intact.
    try (Connection c = source.getConnection();
        ResultSet tables = c.getMetaData().getTables(null, null, "T", null)) {
      assertTrue(tables.next());
    }
    ConfiguredDataSource.shutDownEmbeddedDatabases();
  }

  /** Opens and shuts the database with Derby loaded afresh by another class loader. */
  private static boolean otherEngineCannotOpen(Path db) throws Exception {
    URL[] derbyJars =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> Path.of(entry).getFileName().toString().startsWith("derby"))
            .map(
                entry -> {
                  try {
                    return Path.of(entry).toUri().toURL();
                  } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toArray(URL[]::new);
    try (URLClassLoader redeployed =
        new URLClassLoader(derbyJars, ClassLoader.getPlatformClassLoader())) {
      Class<?> type = redeployed.loadClass("org.apache.derby.jdbc.EmbeddedDataSource");
      assertSame(redeployed, type.getClassLoader(), "a second Derby engine, not this test's");
      DataSource other = (DataSource) type.getConstructor().newInstance();
      type.getMethod("setDatabaseName", String.class).invoke(other, db.toString());
      try (Connection c = other.getConnection()) {
        c.getMetaData();
      } catch (SQLException e) {
        if (anyInChain(e, "XSDB6")) { // another Derby engine has booted the database
          return true;
        }
        throw e;
      }
      type.getMethod("setShutdownDatabase", String.class).invoke(other, "shutdown");
      try (Connection c = other.getConnection()) {
        throw new AssertionError("no shutdown");
      } catch (SQLException expected) {
        assertEquals("08006", expected.getSQLState());
      }
      return false;
    }
  }

  /**
   * Whether {@code state} is the SQL state of the exception or of one it chains (next or cause).
   */
  private static boolean anyInChain(Throwable e, String state) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (SQLException next = t instanceof SQLException s ? s : null;
          next != null;
          next = next.getNextException()) {
        if (state.equals(next.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void aPoolAskingWithoutCredentialsGetsTheConfiguredOnes() throws Exception {
    // WildFly's pool calls getConnection("", ""); PostgreSQL then refused "no user name".
    List<String> calls = new ArrayList<>();
    DataSource target =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  calls.add(method.getName() + "/" + (args == null ? 0 : args.length));
                  return null;
                });
    ConfiguredDataSource source = new ConfiguredDataSource(target);

    source.getConnection(null, null);
    source.getConnection("", "");
    source.getConnection("someone", "secret");

    assertEquals(List.of("getConnection/0", "getConnection/0", "getConnection/2"), calls);
  }

  @Test
  void hasABeanPropertyForServersThatConfigureDataSourcesOnlyThroughSetters() throws Exception {
    // WildFly refuses a data-source class without a settable property (IJ031103).
    ConfiguredDataSource source = new ConfiguredDataSource();
    Method setter = ConfiguredDataSource.class.getMethod("setDescription", String.class);
    setter.invoke(source, "Livestorm Connect");
    assertEquals("Livestorm Connect", source.getDescription());
  }
}
