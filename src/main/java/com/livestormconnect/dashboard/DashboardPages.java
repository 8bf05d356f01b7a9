package com.livestormconnect.dashboard;

import com.livestormconnect.account.CurrentAccount;
import com.livestormconnect.livestorm.RecentAnswers;
import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenStore;
import com.livestormconnect.web.Templates;
import com.livestormconnect.web.TimeFormat;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens and renders dashboard pages: every page gets the connection, the granted scopes, the time
 * zone, the problems met on the way and the flash message left by the previous POST, which the
 * layout's {@code alerts} fragment shows.
 */
@ApplicationScoped
public class DashboardPages {
  private static final String FLASH = DashboardPages.class.getName() + ".flash";

  /** The query parameter of the "refresh" link: read Livestorm live, not from recent answers. */
  static final String REFRESH = "refresh";

  @Inject Templates templates;

  @Inject CurrentAccount account;

  @Inject TokenStore tokens;

  @Inject RecentAnswers answers;

  @Inject CallBudget budget;

  /** Runs a page's independent Livestorm calls side by side ({@link PageCalls}). */
  @Resource ManagedExecutorService executor;

  /**
   * Reads the account and its connection in a transaction of their own, so that the request holds
   * no non-transactional EntityManager for a managed task to close under it ({@link PageCalls} says
   * why).
   */
  @Transactional
  public DashboardPage open(HttpServletRequest request) {
    long accountId = account.id(request);
    Optional<ConnectionSummary> connection = tokens.find(accountId);
    // Answers are kept per account and per what its connection is: id, Livestorm user, scopes.
    Optional<RecentAnswers.Owner> owner =
        connection.map(
            c ->
                new RecentAnswers.Owner(
                    accountId, c.id() + " " + c.livestormUserId() + " " + c.grantedScopes()));
    boolean refresh = "1".equals(request.getParameter(REFRESH));
    return new DashboardPage(
        accountId,
        connection,
        TimeFormat.of(request),
        problems -> new PageCalls(executor, answers, owner, refresh, problems));
  }

  public void render(
      HttpServletRequest request, HttpServletResponse response, String view, DashboardPage page)
      throws IOException {
    render(request, response, HttpServletResponse.SC_OK, view, page);
  }

  public void render(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String view,
      DashboardPage page)
      throws IOException {
    Map<String, Object> model = page.model();
    model.put("connected", page.connected());
    page.connection().ifPresent(c -> model.put("connection", c));
    model.put("grants", page.grants());
    model.put("time", page.time());
    model.put("problems", page.problems().messages());
    model.put(
        "reconnectNeeded",
        page.problems().needsReconnect()
            || page.connection().map(c -> c.needsReconnect()).orElse(false));
    model.put("flash", takeFlash(request));
    page.calls()
        .oldestCached()
        .ifPresent(
            at -> {
              model.put(
                  "answersAgeSeconds",
                  Math.max(0, Duration.between(at, Instant.now()).toSeconds()));
              model.put("refreshUrl", refreshUrl(request));
            });
    page.connection()
        .map(c -> budget.standing(c.id()))
        .ifPresent(
            standing -> {
              // After a 429 the connection is held back (at most an hour): say until when.
              standing
                  .callsResumeAt()
                  .ifPresent(at -> model.put("callsResumeAt", page.time().dateTimeSeconds(at)));
              standing
                  .quotaUsedUpUntil()
                  .ifPresent(until -> model.put("quotaUsedUpUntil", page.time().dateTime(until)));
              model.put("quotaWarning", standing.warningLevel());
            });
    // Absent and null read the same in templates; Templates copies the model and refuses nulls.
    model.values().removeIf(Objects::isNull);
    templates.render(request, response, status, view, model);
  }

  /** The page's own URL (path and query) with {@code refresh=1}. */
  static String refreshUrl(HttpServletRequest request) {
    // One leading slash: "//host/..." would be a link to another site.
    StringBuilder url =
        new StringBuilder(request.getRequestURI().replaceFirst("^/+", "/")).append('?');
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (!pair.isEmpty() && !pair.startsWith(REFRESH + "=") && !pair.equals(REFRESH)) {
          url.append(pair).append('&');
        }
      }
    }
    return url.append(REFRESH).append("=1").toString();
  }

  /** POST-redirect-GET: 303 to {@code path}, with a message for the next page. */
  public void redirect(
      HttpServletRequest request, HttpServletResponse response, String path, String flashKey) {
    if (flashKey != null) {
      request.getSession().setAttribute(FLASH, flashKey);
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + path);
  }

  private static String takeFlash(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return "";
    }
    Object flash = session.getAttribute(FLASH);
    session.removeAttribute(FLASH);
    return flash == null ? "" : flash.toString();
  }

  static int pageNumber(HttpServletRequest request) {
    try {
      return Math.max(0, Math.min(100_000, Integer.parseInt(request.getParameter("page"))));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
