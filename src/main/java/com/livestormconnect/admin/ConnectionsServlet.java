package com.livestormconnect.admin;

import com.livestormconnect.livestorm.CallMetrics;
import com.livestormconnect.livestorm.Quotas;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenStore;
import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Every account's Livestorm connection with its health, for administrators (web.xml restricts
 * /admin/*): status, scopes, expiry, quota left and this node's counters. Never a token.
 */
@WebServlet("/admin/connections")
public class ConnectionsServlet extends HttpServlet {
  /** One row of the table. */
  public record Row(ConnectionSummary connection, Long quotaLeft, CallMetrics.Snapshot calls) {}

  @Inject
  Templates templates;

  @Inject
  TokenStore store;

  @Inject
  Quotas quotas;

  @Inject
  CallMetrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var rows = store.all().stream()
        .map(c -> new Row(c, quotas.of(c.id()).map(Quotas.Quota::monthlyRemaining).orElse(null),
            metrics.forConnection(c.id())))
        .toList();
    templates.render(request, response, "admin/connections", Map.of("rows", rows));
  }
}
