package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.connect.ConnectFlow;
import com.livestormconnect.database.Database;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Session;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pages read the local copy once it holds what they show: no Livestorm call for browsing (the
 * sandbox counts every API request), "as of" on the page, a refresh button that re-reads just that
 * list, lists sorted and searched across all their rows, the app's own writes visible at once, and
 * exports from the copy unless asked for live.
 */
@ExtendWith(ArquillianExtension.class)
class CopyPagesIT {
  private static final Pattern EVENT_LINK = Pattern.compile("href=\"/events/([0-9a-f-]{36})\"");
  private static final Pattern FIRST_PERSON =
      Pattern.compile("<tr class=\"person\">\\s*<td class=\"ls\">([^<]*)</td>");
  private static final String AS_OF = "Read from this app’s copy of your Livestorm data, as of";

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(CopyPagesIT.class, ConnectFlow.class);
  }

  @Inject LivestormClient client;

  @Inject AccountStore accounts;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  private static URI base() {
    return URI.create(System.getProperty("APP_BASE_URL"));
  }

  private static ConnectFlow connected() {
    ConnectFlow user = ConnectFlow.signedUp(base(), "copy");
    user.connect("identity:read", "events:read", "events:write");
    return user;
  }

  private static HttpResponse<String> ok(Browser browser, String path) {
    HttpResponse<String> page = browser.get(path);
    assertEquals(200, page.statusCode(), path + ": " + page.body());
    return page;
  }

  private static long calls() {
    return new SandboxControl(base()).counter("api_requests");
  }

  /**
   * The sandbox's count once the copy's own background reads are over: the app's writes mark lists
   * for the sync to re-read 30 s later (a registration marks its event's sessions), and those calls
   * are not the page's. The marks are made due now and the count is taken once no list is marked or
   * being read (at most a minute).
   */
  private long quietCalls() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE copy_scope SET next_read_at = 0 WHERE stale_since IS NOT NULL");
      long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (System.nanoTime() < end) {
        try (ResultSet busy =
            s.executeQuery(
                "SELECT COUNT(*) FROM copy_scope WHERE stale_since IS NOT NULL"
                    + " OR reading_page IS NOT NULL")) {
          busy.next();
          if (busy.getLong(1) == 0) {
            break;
          }
        }
        Thread.sleep(250);
      }
    }
    return calls();
  }

  /** Presses a page's refresh button; answers the page it leads back to. */
  private static String refresh(Browser browser, String what, String id, String back) {
    ok(browser, back); // the page's CSRF token
    HttpResponse<String> done =
        browser.post(
            "/dashboard/refresh",
            id == null ? Map.of("what", what) : Map.of("what", what, "id", id));
    assertEquals(303, done.statusCode(), done.body());
    assertEquals(back, ConnectFlow.location(done));
    String page = ok(browser, back).body();
    assertTrue(page.contains("Refreshed from Livestorm:"), page);
    assertTrue(page.contains(AS_OF), page);
    return page;
  }

  /** A session that took place with more than three pages of participants, not too many more. */
  private Session sessionOfSomeSize(ConnectFlow user) {
    Access access = access(user);
    return IntStream.range(0, 6)
        .mapToObj(p -> client.sessions(access, p, LivestormClient.MAX_PAGE_SIZE).items())
        .flatMap(List::stream)
        .filter(
            s -> s.endedAt() != null && s.registrantsCount() > 120 && s.registrantsCount() < 300)
        .findFirst()
        .orElseThrow();
  }

  private Access access(ConnectFlow user) {
    return Access.of(accounts.find(user.username).orElseThrow().getId());
  }

  @Test
  void onceTheCopyHoldsThePagesBrowsingMakesNoLivestormCall() throws Exception {
    ConnectFlow user = connected();
    Session session = sessionOfSomeSize(user);
    String event = "/events/" + session.eventId();
    String sessionPage = "/sessions/" + session.id();
    String before = ok(user.browser, "/dashboard").body();
    assertTrue(before.contains("Read live from Livestorm."), before);
    assertFalse(before.contains(AS_OF), before);

    refresh(user.browser, "dashboard", null, "/dashboard");
    refresh(user.browser, "event", session.eventId(), event);
    refresh(user.browser, "session", session.id(), sessionPage);

    long made = quietCalls();
    for (String path :
        List.of(
            "/dashboard",
            "/events",
            "/events?status=ended",
            "/events?page=1",
            event,
            sessionPage,
            sessionPage + "?sort=rate&dir=desc",
            sessionPage + "?attended=yes&page=1",
            sessionPage + "?role=team",
            "/organization")) {
      String page = ok(user.browser, path).body();
      assertTrue(page.contains(AS_OF), path + ": " + page);
    }
    assertEquals(made, calls(), "browsing read the copy only");
    String dashboard = ok(user.browser, "/dashboard").body();
    assertTrue(EVENT_LINK.matcher(dashboard).find(), dashboard);
    assertTrue(dashboard.contains("class=\"ls email\""), "the Livestorm user by e-mail");
  }

  @Test
  void peopleAreSortedAndSearchedAcrossAllRowsAndARegistrationShowsAtOnce() throws Exception {
    ConnectFlow user = connected();
    Session session = sessionOfSomeSize(user);
    String sessionPage = "/sessions/" + session.id();
    refresh(user.browser, "events", null, "/events"); // the session's page names its event
    refresh(user.browser, "session", session.id(), sessionPage);

    String email = "aardvark." + UUID.randomUUID() + "@example.com";
    ok(user.browser, sessionPage + "/register");
    HttpResponse<String> registered =
        user.browser.post(
            sessionPage + "/register",
            Map.of(
                "email", email, "firstName", "!Aardvark", "lastName", "Zz", "field.company", "A"));
    assertEquals(303, registered.statusCode(), registered.body());

    // Livestorm lists the new person after everyone else: on its third page or later.
    int livestormPage = -1;
    for (int n = 0; livestormPage < 0 && n < 10; n++) {
      int page = n;
      if (client
          .sessionPeople(access(user), session.id(), null, Person.PARTICIPANT, page, 50)
          .items()
          .stream()
          .anyMatch(p -> email.equals(p.email()))) {
        livestormPage = page;
      }
    }
    assertTrue(livestormPage >= 2, "Livestorm's page of the new person: " + livestormPage);

    long made = quietCalls();
    String byName = ok(user.browser, sessionPage + "?sort=name").body();
    assertEquals("!Aardvark Zz", first(FIRST_PERSON, byName), "sorted across all rows");
    assertTrue(byName.contains("The person was registered to this session."), byName);
    assertFalse(byName.contains("Livestorm cannot sort people"), byName);
    assertTrue(byName.contains("Sorting and search cover every person of the session."), byName);
    String found = ok(user.browser, sessionPage + "?q=" + email.substring(0, 20)).body();
    assertEquals(1, count("<tr class=\"person\">", found), found);
    assertTrue(found.contains(email), found);
    String reversed = ok(user.browser, sessionPage + "?sort=name&dir=desc").body();
    assertFalse(reversed.contains(email), "the last of the reversed order is on another page");
    assertEquals(made, calls(), "the copy answered every page");
  }

  @Test
  void eventsTheAppCreatesEditsAndDeletesShowFromTheCopyAtOnce() throws Exception {
    ConnectFlow user = connected();
    refresh(user.browser, "events", null, "/events");
    String title = "Copy check " + UUID.randomUUID();
    ok(user.browser, "/events/new");
    HttpResponse<String> created =
        user.browser.post("/events", Map.of("title", title, "description", "", "status", "draft"));
    assertEquals(303, created.statusCode(), created.body());
    String eventPath = ConnectFlow.location(created);

    long made = quietCalls();
    String list = ok(user.browser, "/events?q=" + title.substring(11)).body();
    assertTrue(list.contains(title) && list.contains(AS_OF), list);
    assertEquals(made, calls(), "the new event came from the copy");

    ok(user.browser, eventPath + "/edit");
    assertEquals(
        303,
        user.browser
            .post(
                eventPath + "/edit",
                Map.of("title", title + " renamed", "description", "", "status", "draft"))
            .statusCode());
    made = quietCalls();
    assertTrue(ok(user.browser, "/events?q=" + title.substring(11)).body().contains("renamed"));
    assertEquals(made, calls());

    ok(user.browser, eventPath + "/delete");
    assertEquals(
        303, user.browser.post(eventPath + "/delete", Map.of("confirm", "yes")).statusCode());
    made = quietCalls();
    assertFalse(ok(user.browser, "/events?q=" + title.substring(11)).body().contains(title));
    assertEquals(made, calls());
  }

  @Test
  void exportsReadTheCopyWhenItHoldsTheSessionAndLivestormWhenAskedLive() throws Exception {
    ConnectFlow user = connected();
    Session session = sessionOfSomeSize(user);
    String sessionPage = "/sessions/" + session.id();
    refresh(user.browser, "events", null, "/events");
    refresh(user.browser, "session", session.id(), sessionPage);

    long made = quietCalls();
    HttpResponse<String> kept = user.browser.get(sessionPage + "/people.csv");
    assertEquals(200, kept.statusCode());
    assertTrue(kept.headers().firstValue("Last-Modified").isPresent(), "as of the copy");
    assertEquals(made, calls(), "the download read the copy");

    HttpResponse<String> live = user.browser.get(sessionPage + "/people.csv?live=1");
    assertEquals(200, live.statusCode());
    assertTrue(calls() > made, "the live download read Livestorm");
    assertFalse(live.headers().firstValue("Last-Modified").isPresent());
    assertEquals(sortedLines(live.body()), sortedLines(kept.body()), "the same rows");

    ok(user.browser, sessionPage);
    made = quietCalls();
    HttpResponse<String> started = user.browser.post(sessionPage + "/people.csv", Map.of());
    assertEquals(303, started.statusCode(), started.body());
    String job = ConnectFlow.location(started);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String page = ok(user.browser, job).body();
    while (!page.contains("data-state=\"DONE\"") && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      page = ok(user.browser, job).body();
    }
    assertTrue(page.contains("data-state=\"DONE\""), page);
    assertTrue(page.contains("from this app’s copy of your Livestorm data"), page);
    assertEquals(made, calls(), "the export read the copy");
  }

  private static List<String> sortedLines(String csv) {
    return Arrays.stream(csv.split("\r?\n")).sorted().toList();
  }

  private static int count(String needle, String body) {
    int n = 0;
    for (int at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }

  private static String first(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    assertTrue(m.find(), "no match for " + pattern + " in " + body);
    return m.group(1);
  }
}
