package com.livestormconnect.dashboard;

import com.livestormconnect.account.AccountStore;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenStore;
import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The signed-in user's home: their Livestorm connection and what they can do with it. */
@WebServlet("/dashboard")
public class DashboardServlet extends HttpServlet {
  /** Notices other pages may ask for after a redirect; anything else is ignored. */
  private static final Set<String> NOTICES = Set.of("disconnected", "revocationFailed", "notConnected");

  @Inject
  Templates templates;

  @Inject
  AccountStore accounts;

  @Inject
  TokenStore tokens;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long accountId = accounts.find(request.getRemoteUser()).orElseThrow().getId();
    Optional<ConnectionSummary> connection = tokens.find(accountId);
    Map<String, Object> model = new HashMap<>();
    String notice = request.getParameter("notice");
    model.put("notice", notice != null && NOTICES.contains(notice) ? "dashboard.notice." + notice : "");
    model.put("connected", connection.isPresent());
    connection.ifPresent(c -> {
      model.put("connection", c);
      model.put("scopes", Arrays.asList(c.grantedScopes().split(" ")));
      model.put("validUntil", format(c.accessExpiresAt(), request.getLocale()));
      model.put("lastRefresh", format(c.lastRefreshedAt(), request.getLocale()));
    });
    templates.render(request, response, "dashboard", model);
  }

  private static String format(Instant instant, Locale locale) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
        .withZone(ZoneOffset.UTC).format(instant) + " UTC";
  }
}
