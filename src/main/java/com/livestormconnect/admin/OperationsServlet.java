package com.livestormconnect.admin;

import com.livestormconnect.config.Settings;
import com.livestormconnect.database.Database;
import com.livestormconnect.database.Migrations;
import com.livestormconnect.token.TokenReencryption;
import com.livestormconnect.web.Templates;
import com.livestormconnect.web.TimeFormat;
import com.livestormconnect.webhook.Subscription;
import com.livestormconnect.webhook.WebhookHealth;
import com.livestormconnect.webhook.Webhooks;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Operations overview for administrators (web.xml restricts /admin/* to the admin role): the mode,
 * where Livestorm is, the database and its schema version, and which encryption keys and formats
 * the stored tokens still use. Never a secret. POST (with the CSRF token) {@code action=reencrypt}
 * runs the token re-encryption pass of a key rotation.
 */
@WebServlet("/admin")
public class OperationsServlet extends HttpServlet {
  @Inject Templates templates;

  @Inject Settings settings;

  @Inject TokenReencryption reencryption;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject Webhooks webhooks;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"reencrypt".equals(request.getParameter("action"))) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    TokenReencryption.Pass pass = reencryption.run();
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location",
        request.getContextPath()
            + "/admin?reencrypted="
            + pass.reencrypted()
            + "&failed="
            + pass.failed());
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("settings", settings);
    model.put("livestorm", settings.livestorm());
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      model.put("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
      model.put("schemaVersion", schemaVersion());
      model.put("accounts", count(connection, "SELECT COUNT(*) FROM account"));
    } catch (SQLException e) {
      model.put("database", "unreachable (SQL state " + e.getSQLState() + ")");
    }
    model.put("tokens", reencryption.status());
    WebhookHealth hooks = webhooks.health();
    TimeFormat time = TimeFormat.of(request);
    model.put("hooks", hooks);
    model.put(
        "hooksStates",
        java.util.Arrays.stream(Subscription.State.values())
            .map(state -> hooks.subscriptions().stream().filter(x -> x.state() == state).count())
            .map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(", ")));
    model.put("hooksLast", hooks.lastDelivery().map(time::dateTime).orElse(""));
    model.put("hooksLag", hooks.lag().map(lag -> time.duration(lag.toSeconds())).orElse(""));
    Integer reencrypted = count(request.getParameter("reencrypted"));
    Integer failed = count(request.getParameter("failed"));
    if (reencrypted != null && failed != null) {
      // The outcome of the pass this page was redirected from (models hold no nulls).
      model.put("reencrypted", reencrypted);
      model.put("reencryptFailed", failed);
    }
    templates.render(request, response, "admin", model);
  }

  private String schemaVersion() {
    MigrationInfo current = Migrations.flyway(dataSource, settings.database()).info().current();
    // A repeatable migration has no version of its own.
    return current == null || current.getVersion() == null
        ? "none"
        : current.getVersion().getVersion();
  }

  /**
   * A count from the query string of the redirect after a pass; null when absent or not a count.
   */
  private static Integer count(String raw) {
    return raw != null && raw.matches("\\d{1,9}") ? Integer.valueOf(raw) : null;
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
