package com.livestormconnect.dashboard;

import com.livestormconnect.copy.Copied;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Session;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /sessions/{id}}: a session and its people with their engagement, a page at a time, with
 * the attendance-rate distribution ({@link SessionPage}). {@code /sessions/{id}/people.csv}: GET
 * streams the whole list, POST starts a background export with progress ({@link PeopleDownload}).
 * {@code /sessions/{id}/register}: the registration form ({@link RegistrationPage}). This class
 * routes and checks scopes.
 */
@WebServlet("/sessions/*")
public class SessionServlet extends HttpServlet {
  /** The session's page, its people as CSV and its registration form: what GET shows. */
  private static final Set<String> SHOWN = Set.of("", "people.csv", "register");

  /** What POST does: start an export, register someone. */
  private static final Set<String> DONE = Set.of("people.csv", "register");

  @Inject DashboardPages pages;

  @Inject LivestormClient client;

  @Inject LocalCopy copy;

  @Inject SessionPage sessionPage;

  @Inject RegistrationPage registrationPage;

  @Inject PeopleDownload download;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ItemPage> item = ItemPage.open(pages, request, response, "sessionId", SHOWN);
    if (item.isPresent() && item.get().readable("events:read", "sessions/session")) {
      show(item.get());
    }
  }

  private void show(ItemPage item) throws IOException {
    String id = item.id();
    DashboardPage page = item.page();
    // The people page and the download read the session from the copy when it holds its event's
    // sessions; the registration form reads it live.
    Optional<Copied<Session>> kept =
        item.action().equals("register")
            ? Optional.empty()
            : copy.session(page.accountId(), id).filter(s -> s.asOf() != null);
    kept.ifPresent(s -> page.fromCopy(s.asOf()));
    Optional<Session> session =
        kept.map(Copied::value).or(() -> page.attempt(() -> client.session(page.access(), id)));
    if (!item.found("currentSession", session)) {
      return;
    }
    switch (item.action()) {
      case "people.csv" -> download.stream(item);
      case "register" -> registrationPage.show(item, session);
      default -> sessionPage.show(item, session);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ItemPage> item = ItemPage.open(pages, request, response, "sessionId", DONE);
    if (item.isEmpty()) {
      return;
    }
    if (item.get().action().equals("people.csv")) {
      if (item.get().permits("events:read")) {
        download.start(item.get());
      }
    } else if (item.get().permits("events:write")) {
      registrationPage.submit(item.get());
    }
  }
}
