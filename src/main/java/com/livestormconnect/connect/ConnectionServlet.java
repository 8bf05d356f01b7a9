package com.livestormconnect.connect;

import com.livestormconnect.livestorm.CallMetrics;
import com.livestormconnect.livestorm.Quotas;
import com.livestormconnect.token.ConnectionEvent;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenStore;
import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signed-in user's connection in detail: its state, the monthly API quota Livestorm last
 * reported, this node's call counters, and the audit trail (connected, refreshed, refresh failed,
 * needs reconnection, disconnected; with time and cause, never a token).
 */
@WebServlet("/connection")
public class ConnectionServlet extends HttpServlet {
  static final int HISTORY = 50;

  /** One audit line as the page shows it. */
  public record HistoryLine(String when, String kind, String cause) {}

  @Inject
  Templates templates;

  @Inject
  CurrentAccount currentAccount;

  @Inject
  TokenStore store;

  @Inject
  Quotas quotas;

  @Inject
  CallMetrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long accountId = currentAccount.id(request);
    Locale locale = request.getLocale();
    Map<String, Object> model = new HashMap<>();
    ConnectionSummary connection = store.find(accountId).orElse(null);
    model.put("connected", connection != null);
    if (connection != null) {
      model.put("connection", connection);
      model.put("validUntil", format(connection.accessExpiresAt(), locale));
      model.put("lastRefresh", format(connection.lastRefreshedAt(), locale));
      quotas.of(connection.id()).filter(q -> q.monthlyRemaining() != null).ifPresent(q -> {
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        model.put("quotaLeft", numbers.format(q.monthlyRemaining()));
        model.put("quotaLimit", q.monthlyLimit() == null ? "?" : numbers.format(q.monthlyLimit()));
      });
      model.put("calls", metrics.forConnection(connection.id()));
    }
    List<HistoryLine> history = store.history(accountId, HISTORY).stream()
        .map(e -> line(e, locale))
        .toList();
    model.put("history", history);
    templates.render(request, response, "connection", model);
  }

  private static HistoryLine line(ConnectionEvent event, Locale locale) {
    return new HistoryLine(format(event.getOccurredAt(), locale), event.getKind().name(), event.getCause());
  }

  static String format(Instant instant, Locale locale) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
        .withZone(ZoneOffset.UTC).format(instant) + " UTC";
  }
}
