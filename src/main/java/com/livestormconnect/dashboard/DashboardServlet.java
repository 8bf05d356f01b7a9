package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.EventQuery;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.budget.CallBudget;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The signed-in user's home: their Livestorm connection (with the monthly quota left), and the
 * live, upcoming and recently ended events when the connection may read events.
 */
@WebServlet("/dashboard")
public class DashboardServlet extends HttpServlet {
  /** Notices other pages may ask for after a redirect; anything else is ignored. */
  private static final Set<String> NOTICES =
      Set.of(
          "disconnected",
          "revocationFailed",
          "notConnected",
          "refreshTokenNotRevoked",
          "accessTokenNotRevoked");

  private static final int SHOWN = 5;

  @Inject DashboardPages pages;

  @Inject LivestormClient client;

  @Inject CallBudget budget;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DashboardPage page = pages.open(request);
    String notice = request.getParameter("notice");
    page.put(
        "notice", notice != null && NOTICES.contains(notice) ? "dashboard.notice." + notice : "");
    page.connection()
        .ifPresent(
            c -> {
              page.put("scopes", page.grants().values());
              page.put("validUntil", page.time().dateTime(c.accessExpiresAt()));
              page.put("lastRefresh", page.time().dateTime(c.lastRefreshedAt()));
            });
    if ((page.allows("identity:read") || page.allows("admin:read"))
        && !page.connection().orElseThrow().needsReconnect()) {
      page.attempt(() -> client.organization(page.access()))
          .ifPresent(o -> page.put("organizationName", o.name()));
    }
    if (page.allows("events:read") && !page.connection().orElseThrow().needsReconnect()) {
      // Three independent calls, side by side: the page waits for Livestorm once.
      PageCalls.Later<List<Event>> live = events(page, "live", SHOWN);
      PageCalls.Later<List<Event>> upcoming = events(page, "upcoming", SHOWN);
      PageCalls.Later<List<Event>> ended = events(page, "ended", LivestormClient.MAX_PAGE_SIZE);
      page.put(
          "live",
          page.calls()
              .keepEach(live, live.get().orElse(List.of()), e -> EventServlet.call(e.id())));
      page.put(
          "upcoming",
          page.calls()
              .keepEach(
                  upcoming, upcoming.get().orElse(List.of()), e -> EventServlet.call(e.id())));
      page.put(
          "recent",
          recent(
              page.calls()
                  .keepEach(ended, ended.get().orElse(List.of()), e -> EventServlet.call(e.id()))));
    }
    // After the calls above, so that the figure is as fresh as Livestorm's last answer.
    page.put("quota", page.connection().map(c -> budget.standing(c.id())).orElse(null));
    pages.render(request, response, "dashboard", page);
  }

  /**
   * Livestorm cannot sort events, so the most recently updated of the first page of ended events
   * stand in for "recent": one call instead of paging through all of them.
   */
  private static List<Event> recent(List<Event> ended) {
    return ended.stream()
        .sorted(
            Comparator.comparing(Event::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(SHOWN)
        .toList();
  }

  private PageCalls.Later<List<Event>> events(DashboardPage page, String status, int size) {
    return page.calls()
        .start(
            EventsServlet.call(null, status, 0, size),
            () -> client.events(page.access(), new EventQuery(null, status), 0, size).items());
  }
}
