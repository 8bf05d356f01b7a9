package com.livestormconnect.admin;

import com.livestormconnect.config.SyncSettings;
import com.livestormconnect.connect.CopyProgress;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.livestorm.budget.CallBudget;
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
 * /admin/*): status, scopes, expiry, quota left, this node's counters and the local copy's
 * progress, freshness, pause and last problem. Never a token.
 */
@WebServlet("/admin/connections")
public class ConnectionsServlet extends HttpServlet {
  /** One row of the table. */
  public record Row(
      ConnectionSummary connection,
      Long quotaLeft,
      CallBudget.Counters calls,
      String validUntil,
      Integer quotaUsedPercent,
      String quotaUsedUpUntil,
      CopyProgress copy) {}

  @Inject Templates templates;

  @Inject TokenStore store;

  @Inject CallBudget budget;

  @Inject LocalCopy copy;

  @Inject SyncSettings sync;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    TimeFormat time = TimeFormat.of(request);
    var rows =
        store.all().stream()
            .map(
                c -> {
                  CallBudget.Standing standing = budget.standing(c.id());
                  return new Row(
                      c,
                      standing.monthlyRemaining(),
                      standing.counters(),
                      time.dateTime(c.accessExpiresAt()),
                      standing.usedPercent(),
                      standing.quotaUsedUpUntil().map(time::dateTime).orElse(null),
                      CopyProgress.of(
                          copy.status(c.accountId()),
                          standing.usedPercent(),
                          sync.quotaSharePercent(),
                          time));
                })
            .toList();
    templates.render(request, response, "admin/connections", Map.of("rows", rows));
  }
}
