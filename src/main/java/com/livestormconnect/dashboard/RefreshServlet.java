package com.livestormconnect.dashboard;

import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.copy.Refresh;
import com.livestormconnect.copy.Refreshed;
import com.livestormconnect.copy.Scope;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /dashboard/refresh}: a page's "refresh" button. Re-reads from Livestorm just what the
 * page shows into the local copy ({@link RefreshTarget}), then sends the browser back to the page,
 * which now reads the copy, with what the refresh found.
 */
@WebServlet("/dashboard/refresh")
public class RefreshServlet extends HttpServlet {
  static final String REFRESHED = "flash.refreshed";
  static final String FAILED = "flash.refreshFailed";
  static final String FAILED_GONE = "flash.refreshGone";

  @Inject DashboardPages pages;

  @Inject Refresh refresh;

  @Inject LocalCopy copy;

  @Inject LivestormClient client;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<RefreshTarget> target =
        RefreshTarget.of(request.getParameter("what"), request.getParameter("id"));
    if (target.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    DashboardPage page = pages.open(request);
    RefreshTarget t = target.get();
    // What the page shows is what the grant lets it read: the refresh reads no more.
    boolean organization =
        (t.kind() == RefreshTarget.Kind.DASHBOARD || t.kind() == RefreshTarget.Kind.ORGANIZATION)
            && (page.allows("identity:read") || page.allows("admin:read"));
    boolean lists = t.kind() != RefreshTarget.Kind.ORGANIZATION && page.allows("events:read");
    if (!organization && !lists) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    long accountId = page.accountId();
    String flash = REFRESHED;
    long read = 0;
    int removed = 0;
    try {
      if (organization) {
        refresh.organization(accountId);
        refresh.me(accountId);
      }
      if (lists) {
        for (Scope scope : scopes(page, t)) {
          Optional<Refreshed> done = refresh.scope(accountId, scope);
          if (done.isEmpty()) {
            // Livestorm's list did not add up: recorded on the connection page, last rows kept.
            flash = FAILED;
            break;
          }
          read += done.get().read();
          removed += done.get().removed();
        }
      }
    } catch (LivestormException e) {
      // What was read before the failure is kept; the lists stay as complete as they were.
      flash = e.kind() == LivestormException.Kind.NOT_FOUND ? FAILED_GONE : FAILED;
    }
    if (flash.equals(REFRESHED)) {
      pages.flashArguments(request, read, removed);
    }
    pages.redirect(request, response, t.page(), flash);
  }

  /** The lists behind the page: a session's page shows its event's sessions and its people. */
  private List<Scope> scopes(DashboardPage page, RefreshTarget target) {
    return switch (target.kind()) {
      case DASHBOARD, EVENTS -> List.of(Scope.events());
      case EVENT -> List.of(Scope.sessions(target.id()));
      case SESSION -> {
        String eventId =
            copy.session(page.accountId(), target.id())
                .map(s -> s.value().eventId())
                .orElseGet(() -> client.session(page.access(), target.id()).eventId());
        yield eventId == null
            ? List.of(Scope.people(target.id()))
            : List.of(Scope.sessions(eventId), Scope.people(target.id()));
      }
      case ORGANIZATION -> List.of();
    };
  }
}
