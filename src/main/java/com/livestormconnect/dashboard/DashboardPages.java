package com.livestormconnect.dashboard;

import com.livestormconnect.account.CurrentAccount;
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
import java.util.List;
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
  private static final String FLASH_ARGUMENTS = DashboardPages.class.getName() + ".flashArguments";

  @Inject Templates templates;

  @Inject CurrentAccount account;

  @Inject TokenStore tokens;

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
    return new DashboardPage(
        accountId,
        connection,
        TimeFormat.of(request),
        problems -> new PageCalls(executor, problems));
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
    model.put("flashArguments", takeFlashArguments(request));
    model.put("flash", takeFlash(request));
    page.copyAsOf().ifPresent(at -> model.put("copyAsOf", page.time().dateTimeSeconds(at)));
    page.refreshTarget().ifPresent(target -> model.put("refresh", target));
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

  /** POST-redirect-GET: 303 to {@code path}, with a message for the next page. */
  public void redirect(
      HttpServletRequest request, HttpServletResponse response, String path, String flashKey) {
    if (flashKey != null) {
      request.getSession().setAttribute(FLASH, flashKey);
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + path);
  }

  /** Values for the next page's message (e.g. what a refresh found), shown with it. */
  void flashArguments(HttpServletRequest request, Object... arguments) {
    request.getSession().setAttribute(FLASH_ARGUMENTS, List.of(arguments));
  }

  private static Object takeFlashArguments(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object arguments = session.getAttribute(FLASH_ARGUMENTS);
    session.removeAttribute(FLASH_ARGUMENTS);
    return arguments;
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
