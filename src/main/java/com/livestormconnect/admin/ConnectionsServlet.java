package com.livestormconnect.admin;

import com.livestormconnect.livestorm.CallMetrics;
import com.livestormconnect.livestorm.MonthlyQuota;
import com.livestormconnect.livestorm.Quotas;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenStore;
import com.livestormconnect.web.Templates;
import com.livestormconnect.web.TimeFormat;
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
  public record Row(
      ConnectionSummary connection,
      Long quotaLeft,
      CallMetrics.Snapshot calls,
      String validUntil,
      Integer quotaUsedPercent,
      String quotaUsedUpUntil) {}

  @Inject Templates templates;

  @Inject TokenStore store;

  @Inject Quotas quotas;

  @Inject CallMetrics metrics;

  @Inject MonthlyQuota monthlyQuota;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    TimeFormat time = TimeFormat.of(request);
    var rows =
        store.all().stream()
            .map(
                c ->
                    new Row(
                        c,
                        quotas.of(c.id()).map(Quotas.Quota::monthlyRemaining).orElse(null),
                        metrics.forConnection(c.id()),
                        time.dateTime(c.accessExpiresAt()),
                        monthlyQuota
                            .usedFraction(c.id())
                            .map(f -> (int) Math.floor(f * 100))
                            .orElse(null),
                        monthlyQuota.usedUpUntil(c.id()).map(time::dateTime).orElse(null)))
            .toList();
    templates.render(request, response, "admin/connections", Map.of("rows", rows));
  }
}
