package com.livestormconnect.web;

import com.livestormconnect.config.Settings;
import com.livestormconnect.database.Database;
import com.livestormconnect.database.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.InetAddress;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * What {@code /health/ready} checks: the database answers, every migration is applied, the
 * configuration is usable (settings loaded, {@code DATA_DIR} writable) and, in production only, the
 * Livestorm token endpoint's host resolves. That last one is reported but does not make the node
 * unready: a DNS hiccup outside must not take every node out of the load balancer at once. The
 * outcome is kept for {@link #FRESH_FOR}: the probe is anonymous, and each run reads Flyway's
 * history, takes a database connection and may resolve a host, which a flood of probes must not
 * multiply.
 */
@ApplicationScoped
public class HealthChecks {
  private static final Logger LOG = Logger.getLogger(HealthChecks.class.getName());
  static final long DNS_TIMEOUT_MILLIS = 2000;
  static final Duration FRESH_FOR = Duration.ofSeconds(5);

  /** One check's outcome; {@code required} ones decide readiness. */
  public record Check(String name, boolean up, boolean required, Map<String, String> details) {}

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  @Inject Settings settings;

  @Inject Clock clock;

  private record Outcome(Instant at, List<Check> checks) {}

  private Outcome last;

  /**
   * The checks' outcome, run again only when the last one is older than {@link #FRESH_FOR}; callers
   * arriving meanwhile wait for the one run instead of starting their own.
   */
  public synchronized List<Check> readiness() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.at().plus(FRESH_FOR)) || now.isBefore(last.at())) {
      last = new Outcome(now, run());
    }
    return last.checks();
  }

  private List<Check> run() {
    List<Check> checks = new ArrayList<>();
    checks.add(database());
    checks.add(migrations());
    checks.add(configuration());
    if (!settings.isSandbox()) {
      checks.add(livestormHost());
    }
    return checks;
  }

  static boolean ready(List<Check> checks) {
    return checks.stream().allMatch(c -> c.up() || !c.required());
  }

  /** The status alone, for anonymous callers: nothing about the mode, versions or hosts. */
  static JsonObject status(List<Check> checks) {
    return Json.createObjectBuilder().add("status", ready(checks) ? "UP" : "DOWN").build();
  }

  static JsonObject json(List<Check> checks) {
    JsonObjectBuilder all = Json.createObjectBuilder();
    for (Check c : checks) {
      JsonObjectBuilder one = Json.createObjectBuilder().add("status", c.up() ? "UP" : "DOWN");
      c.details().forEach(one::add);
      if (!c.required()) {
        one.add("affectsReadiness", false);
      }
      all.add(c.name(), one);
    }
    return Json.createObjectBuilder()
        .add("status", ready(checks) ? "UP" : "DOWN")
        .add("checks", all)
        .build();
  }

  Check database() {
    try (Connection connection = dataSource.getConnection()) {
      return new Check("database", connection.isValid(2), true, Map.of());
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Readiness: database unreachable ({0})", e.getSQLState());
      return new Check("database", false, true, Map.of("error", "unreachable"));
    }
  }

  Check migrations() {
    try {
      MigrationInfoService info = Migrations.flyway(dataSource, settings.database()).info();
      int pending = info.pending().length;
      Map<String, String> details = new LinkedHashMap<>();
      details.put(
          "version", info.current() == null ? "none" : info.current().getVersion().getVersion());
      details.put("pending", String.valueOf(pending));
      return new Check("migrations", pending == 0, true, details);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Readiness: migrations not readable ({0})", e.getClass().getSimpleName());
      return new Check("migrations", false, true, Map.of("error", "unreadable"));
    }
  }

  Check configuration() {
    boolean writable =
        Files.isDirectory(settings.dataDir())
            ? Files.isWritable(settings.dataDir())
            : Files.isWritable(settings.dataDir().toAbsolutePath().getParent());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("mode", settings.mode().name().toLowerCase(Locale.ROOT));
    details.put("dataDir", writable ? "writable" : "not writable");
    return new Check("configuration", writable, true, details);
  }

  Check livestormHost() {
    String host = settings.livestorm().tokenUrl().getHost();
    boolean resolved;
    try {
      resolved =
          CompletableFuture.supplyAsync(() -> resolves(host), executor)
              .get(DNS_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      resolved = false;
    }
    return new Check("livestormTokenHost", resolved, false, Map.of("host", host));
  }

  private static boolean resolves(String host) {
    try {
      InetAddress.getByName(host);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
