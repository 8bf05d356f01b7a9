package com.livestormconnect.dashboard;

import com.livestormconnect.copy.Copied;
import com.livestormconnect.copy.CopyPage;
import com.livestormconnect.copy.EventFilter;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.copy.Refresh;
import com.livestormconnect.copy.Scope;
import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.EventQuery;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Organization;
import com.livestormconnect.livestorm.budget.CallBudget;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

  @Inject LocalCopy copy;

  @Inject Refresh refresh;

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
    boolean usable = page.connected() && !page.connection().orElseThrow().needsReconnect();
    if ((page.allows("identity:read") || page.allows("admin:read")) && usable) {
      Optional<Copied<Organization>> kept = copy.organization(page.accountId());
      kept.ifPresent(o -> page.fromCopy(o.asOf()));
      kept.map(Copied::value)
          .or(() -> page.attempt(() -> client.organization(page.access())))
          .ifPresent(o -> page.put("organizationName", o.name()));
      // The connected user by name and e-mail: read once from /me, then kept in the copy.
      copy.me(page.accountId())
          .map(Copied::value)
          .or(() -> page.attempt(() -> refresh.me(page.accountId())))
          .ifPresent(u -> page.put("livestormUser", u));
    }
    if (page.allows("events:read") && usable) {
      Optional<Instant> asOf = copy.asOf(page.accountId(), Scope.events());
      if (asOf.isPresent()) {
        page.fromCopy(asOf.get());
        page.put("live", kept(page, "live", SHOWN));
        page.put("upcoming", kept(page, "upcoming", SHOWN));
        page.put("recent", recent(kept(page, "ended", LivestormClient.MAX_PAGE_SIZE)));
      } else {
        // Not in the copy yet: three independent calls, side by side, so the page waits once.
        PageCalls.Later<List<Event>> live = events(page, "live", SHOWN);
        PageCalls.Later<List<Event>> upcoming = events(page, "upcoming", SHOWN);
        PageCalls.Later<List<Event>> ended = events(page, "ended", LivestormClient.MAX_PAGE_SIZE);
        page.put("live", live.get().orElse(List.of()));
        page.put("upcoming", upcoming.get().orElse(List.of()));
        page.put("recent", recent(ended.get().orElse(List.of())));
      }
    }
    if (page.connected()) {
      page.refreshable(new RefreshTarget(RefreshTarget.Kind.DASHBOARD, null));
    }
    // After the calls above, so that the figure is as fresh as Livestorm's last answer.
    page.put("quota", page.connection().map(c -> budget.standing(c.id())).orElse(null));
    pages.render(request, response, "dashboard", page);
  }

  /**
   * The most recently updated of the first page of ended events stand in for "recent": Livestorm
   * cannot sort events, and when the copy answers the same rule keeps the page the same.
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
        .start(() -> client.events(page.access(), new EventQuery(null, status), 0, size).items());
  }

  private List<Event> kept(DashboardPage page, String status, int size) {
    return copy.events(page.accountId(), new EventFilter(null, status, false), 0, size)
        .map(CopyPage::items)
        .orElse(List.of());
  }
}
