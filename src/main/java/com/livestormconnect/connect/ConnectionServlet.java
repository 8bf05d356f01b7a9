package com.livestormconnect.connect;

import com.livestormconnect.account.CurrentAccount;
import com.livestormconnect.config.SyncSettings;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.livestorm.GrantedScopes;
import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.token.ConnectionEvent;
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
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signed-in user's connection in detail: its state, the monthly API quota Livestorm last
 * reported, this node's call counters, the local copy's progress and freshness, and the audit trail
 * (connected, refreshed, refresh failed, needs reconnection, disconnected; with time and cause,
 * never a token).
 */
@WebServlet("/connection")
public class ConnectionServlet extends HttpServlet {
  static final int HISTORY = 50;

  /** One audit line as the page shows it. */
  public record HistoryLine(String when, String kind, String cause) {}

  @Inject Templates templates;

  @Inject CurrentAccount currentAccount;

  @Inject TokenStore store;

  @Inject CallBudget budget;

  @Inject LocalCopy copy;

  @Inject SyncSettings sync;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long accountId = currentAccount.id(request);
    Locale locale = request.getLocale();
    // The same format and zone (the user's) as every other page.
    TimeFormat time = TimeFormat.of(request);
    Map<String, Object> model = new HashMap<>();
    ConnectionSummary connection = store.find(accountId).orElse(null);
    model.put("connected", connection != null);
    if (connection != null) {
      model.put("connection", connection);
      if (GrantedScopes.grantedMoreThanChosen(connection)) {
        model.put("grantedMore", true);
      }
      model.put("validUntil", time.dateTime(connection.accessExpiresAt()));
      model.put("lastRefresh", time.dateTime(connection.lastRefreshedAt()));
      CallBudget.Standing standing = budget.standing(connection.id());
      standing
          .quotaUsedUpUntil()
          .ifPresent(until -> model.put("quotaUsedUpUntil", time.dateTime(until)));
      if (standing.warningLevel() != null) {
        model.put("quotaWarning", standing.warningLevel());
      }
      if (standing.monthlyRemaining() != null) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        model.put("quotaLeft", numbers.format(standing.monthlyRemaining()));
        model.put(
            "quotaLimit",
            standing.monthlyLimit() == null ? "?" : numbers.format(standing.monthlyLimit()));
      }
      model.put("calls", standing.counters());
      model.put(
          "copy",
          CopyProgress.of(
              copy.status(accountId), standing.usedPercent(), sync.quotaSharePercent(), time));
    }
    List<HistoryLine> history =
        store.history(accountId, HISTORY).stream().map(e -> line(e, time)).toList();
    model.put("history", history);
    templates.render(request, response, "connection", model);
  }

  private static HistoryLine line(ConnectionEvent event, TimeFormat time) {
    return new HistoryLine(
        time.dateTime(event.getOccurredAt()), event.getKind().name(), event.getCause());
  }
}
