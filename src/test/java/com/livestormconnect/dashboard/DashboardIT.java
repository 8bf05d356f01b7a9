package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.config.OperationsSettings.LogFormat;
import com.livestormconnect.config.Settings;
import com.livestormconnect.connect.ConnectFlow;
import com.livestormconnect.dashboard.export.ExportJob;
import com.livestormconnect.dashboard.export.Exports;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.logging.JsonLogFormatter;
import com.livestormconnect.logging.LineLogFormatter;
import com.livestormconnect.logging.LogSetup;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every dashboard page rendered against the sandbox, as a signed-in user's browser sees it:
 * content, escaping of the sandbox's hostile values, scope-disabled features, Livestorm's errors
 * explained, write actions with POST-redirect-GET, and CSV exports through a background job. Runs
 * in the container so that it can ask the API client which sessions are small.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {
  private static final Pattern EVENT_LINK = Pattern.compile("href=\"/events/([0-9a-f-]{36})\"");
  private static final Pattern SESSION_LINK = Pattern.compile("href=\"/sessions/([0-9a-f-]{36})\"");
  private static final String EVENTS_READ = "events:read";

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(DashboardIT.class, ConnectFlow.class);
  }

  @Inject LivestormClient client;

  @Inject AccountStore accounts;

  @Inject Exports exports;

  @Inject TokenStore tokens;

  @Inject LogSetup logSetup;

  private static URI base() {
    return URI.create(System.getProperty("APP_BASE_URL"));
  }

  private static ConnectFlow connected(String... scopes) {
    ConnectFlow user = ConnectFlow.signedUp(base(), "dash");
    user.connect(scopes);
    return user;
  }

  private static HttpResponse<String> ok(Browser browser, String path) {
    HttpResponse<String> page = browser.get(path);
    assertEquals(200, page.statusCode(), path + ": " + page.body());
    return page;
  }

  private static String first(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    assertTrue(m.find(), "no match for " + pattern + " in " + body);
    return m.group(1);
  }

  /**
   * A session that took place, with the fewest registrants (at least two), found through the API.
   */
  private Session smallSession(ConnectFlow user) {
    Access access = Access.of(accounts.find(user.username).orElseThrow().getId());
    return IntStream.range(0, 6)
        .mapToObj(p -> client.sessions(access, p, LivestormClient.MAX_PAGE_SIZE).items())
        .flatMap(List::stream)
        .filter(s -> s.registrantsCount() >= 2 && s.endedAt() != null)
        .min(Comparator.comparingInt(Session::registrantsCount))
        .orElseThrow();
  }

  private static void queueFault(Browser browser, int status, int count) {
    new SandboxControl(browser.base()).queueFaults(status, count);
  }

  @Test
  void dashboardShowsTheConnectionQuotaAndEvents() {
    ConnectFlow user = connected("identity:read", EVENTS_READ);
    String body = ok(user.browser, "/dashboard").body();

    assertTrue(
        body.contains("Live now") && body.contains("Upcoming") && body.contains("Recently ended"),
        body);
    assertTrue(body.contains("Monthly API calls left"), body);
    assertTrue(body.matches("(?s).*class=\"quota\">[0-9,]+ of 10,000<.*"), body);
    assertTrue(EVENT_LINK.matcher(body).find(), body);
    assertTrue(body.contains("Times are shown in UTC"), body);
  }

  @Test
  void withoutAConnectionPagesOfferToConnect() {
    ConnectFlow user = ConnectFlow.signedUp(base(), "dash");

    assertTrue(ok(user.browser, "/dashboard").body().contains("href=\"/connect\""));
    String events = ok(user.browser, "/events").body();
    assertTrue(events.contains("No Livestorm account is connected yet."), events);
    assertFalse(events.contains("<table"), events);
  }

  @Test
  void eventsListEscapesHostileTitlesAndLinksItsPages() {
    ConnectFlow user = connected(EVENTS_READ);
    String body = ok(user.browser, "/events").body();

    assertTrue(
        body.contains("&lt;script&gt;alert(&#39;sandbox&#39;)&lt;/script&gt; Quarterly review"),
        body);
    assertFalse(body.contains("<script>alert"), body);
    assertTrue(body.contains("=HYPERLINK("), body);
    assertTrue(body.contains("href=\"/events?status=&amp;q=&amp;page=1\""), body);
    assertTrue(body.contains("page 1 of 2 (40 items)"), body);

    String second = ok(user.browser, "/events?page=1").body();
    assertTrue(second.contains("aria-current=\"page\">2<"), second);
    assertTrue(
        second.contains(
            "&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt;"),
        second);
    assertFalse(second.contains("<img src=x"), second);
  }

  @Test
  void eventsCanBeFilteredByTitleAndStatus() {
    ConnectFlow user = connected(EVENTS_READ);

    String found = ok(user.browser, "/events?q=quarterly").body();
    assertEquals(1, EVENT_LINK.matcher(found).results().count(), found);
    assertTrue(found.contains("value=\"quarterly\""), found);

    String drafts = ok(user.browser, "/events?status=draft").body();
    assertTrue(
        drafts.contains("<option value=\"draft\" selected=\"selected\">Draft</option>"), drafts);
    assertTrue(EVENT_LINK.matcher(drafts).results().count() >= 2, drafts);
  }

  @Test
  void pagesAreInFrenchForAFrenchBrowser() {
    ConnectFlow user = connected(EVENTS_READ);
    String body = user.browser.get("/events", "Accept-Language", "fr-FR,fr;q=0.9").body();

    assertTrue(body.contains("<h1>Événements</h1>"), body);
    assertTrue(body.contains("Le titre contient"), body);
  }

  @Test
  void eventPageShowsSessionsWithAChartItsTextAlternativeAndTotals() {
    ConnectFlow user = connected(EVENTS_READ);
    String hostile =
        first(
            Pattern.compile("href=\"/events/([0-9a-f-]{36})\">&lt;script&gt;"),
            ok(user.browser, "/events").body());
    String body = ok(user.browser, "/events/" + hostile).body();

    assertTrue(
        body.contains(
            "<h1 class=\"ls\">&lt;script&gt;alert(&#39;sandbox&#39;)&lt;/script&gt; Quarterly review</h1>"),
        body);
    assertTrue(
        body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""),
        body);
    assertTrue(
        body.contains(
            "<title id=\"sessions-chart-title\">Registrants and attendees per session</title>"),
        body);
    assertTrue(body.contains("Chart data as a table"), body);
    assertTrue(body.contains("Sessions held") && body.contains("Attended"), body);
    assertTrue(SESSION_LINK.matcher(body).find(), body);
    assertFalse(body.contains("<script>alert"), body);
  }

  @Test
  void sessionPageShowsPeopleSortedWithinThePageAndTheRateDistribution() {
    ConnectFlow user = connected(EVENTS_READ);
    Session session = smallSession(user);
    String body = ok(user.browser, "/sessions/" + session.id() + "?sort=messages&dir=desc").body();

    assertTrue(body.contains("Livestorm cannot sort people"), body);
    assertTrue(body.contains("aria-sort=\"descending\""), body);
    assertEquals(
        session.registrantsCount(),
        Pattern.compile("<tr class=\"person\">").matcher(body).results().count(),
        body);
    assertTrue(body.contains("Attendance rate distribution"), body);
    assertTrue(body.contains("90–100 %"), body);
    assertTrue(body.contains("Grant events:write to enable registering people to sessions."), body);
  }

  @Test
  void sessionPeopleAreEscapedOnTheLargeSession() {
    ConnectFlow user = connected(EVENTS_READ);
    Access access = Access.of(accounts.find(user.username).orElseThrow().getId());
    Session large =
        client.sessions(access, 0, LivestormClient.MAX_PAGE_SIZE).items().stream()
            .max(Comparator.comparingInt(Session::registrantsCount))
            .orElseThrow();
    String body = ok(user.browser, "/sessions/" + large.id()).body();

    assertTrue(body.contains("page 1 of 104 (5,200 items)"), body);
    assertFalse(body.contains("<script>alert"), body);
  }

  @Test
  void featuresTheScopesDoNotAllowAreDisabledWithAWayToGrantThem() {
    ConnectFlow user = connected("identity:read");

    String events = ok(user.browser, "/events").body();
    assertTrue(
        events.contains("Grant events:read to enable the events, sessions and people pages."),
        events);
    assertTrue(events.contains("name=\"scope\" value=\"identity:read\""), events);
    assertTrue(events.contains("name=\"scope\" value=\"events:read\""), events);
    assertTrue(events.contains("action=\"/connect\""), events);

    String webhooks = ok(user.browser, "/webhooks").body();
    assertTrue(webhooks.contains("Grant webhooks:read to enable the webhooks list."), webhooks);

    String organization = ok(user.browser, "/organization").body();
    assertTrue(organization.contains("Acme Webinars (sandbox)"), organization);
    assertTrue(
        organization.contains("Grant admin:read to enable the list of team members."),
        organization);
  }

  @Test
  void organizationListsTeamMembersEscaped() {
    ConnectFlow user = connected("admin:read");
    String body = ok(user.browser, "/organization").body();

    assertTrue(body.contains("&lt;i&gt;Nina&lt;/i&gt; Intern"), body);
    assertTrue(body.contains("Camille Martin"), body);
  }

  @Test
  void aForbiddenAnswerFromLivestormIsExplainedNotACrash() {
    ConnectFlow user = connected(EVENTS_READ);
    queueFault(user.browser, 403, 1);
    String body = ok(user.browser, "/events").body();

    assertTrue(body.contains("Livestorm refused to show part of this page (403)"), body);
    assertTrue(body.contains("<h1>Events</h1>"), body);
  }

  @Test
  void livestormBeingDownLeavesTheRestOfThePage() {
    ConnectFlow user = connected(EVENTS_READ);
    queueFault(user.browser, 503, 4);
    String body = ok(user.browser, "/events").body();

    assertTrue(body.contains("Livestorm is not answering at the moment"), body);
    assertTrue(body.contains("Le titre contient") || body.contains("Title contains"), body);
  }

  @Test
  void anUnknownEventOrSessionIsOur404Page() {
    ConnectFlow user = connected(EVENTS_READ);
    String unknown = UUID.randomUUID().toString();

    HttpResponse<String> event = user.browser.get("/events/" + unknown);
    assertEquals(404, event.statusCode());
    assertTrue(event.body().contains("This page does not exist."), event.body());
    assertEquals(404, user.browser.get("/sessions/" + unknown).statusCode());
    assertEquals(404, user.browser.get("/events/not..an..id").statusCode());
  }

  @Test
  void exportRunsAsAJobOnlyItsOwnerCanSeeAndWritesANeutralisedCsv() throws Exception {
    ConnectFlow user = connected("events:write");
    Session session = smallSession(user);
    user.browser.get("/sessions/" + session.id() + "/register");
    assertEquals(
        303,
        user.browser
            .post(
                "/sessions/" + session.id() + "/register",
                Map.of(
                    "email",
                    "formula." + UUID.randomUUID() + "@example.com",
                    "field.company",
                    "Acme",
                    "firstName",
                    "=HYPERLINK(\"https://evil.example\",\"x\")",
                    "lastName",
                    "x;=1+1;"))
            .statusCode());

    ok(user.browser, "/sessions/" + session.id());
    HttpResponse<String> started =
        user.browser.post("/sessions/" + session.id() + "/people.csv", Map.of());
    assertEquals(303, started.statusCode(), started.body());
    String job = ConnectFlow.location(started);
    assertTrue(job.startsWith("/exports/"), job);

    String page = awaitDone(user.browser, job);
    assertTrue(page.contains("Download the CSV file"), page);
    HttpResponse<String> csv = user.browser.get(job + "/people.csv");
    assertEquals(200, csv.statusCode());
    assertEquals(
        "attachment; filename=\"people-" + session.id() + ".csv\"",
        csv.headers().firstValue("Content-Disposition").orElseThrow());
    String type = csv.headers().firstValue("Content-Type").orElseThrow();
    assertTrue(type.startsWith("text/csv") && type.toLowerCase().endsWith("charset=utf-8"), type);
    assertTrue(csv.body().startsWith("\uFEFF"), "starts with the UTF-8 byte-order mark");
    String[] lines = csv.body().substring(1).split("\r\n");
    assertTrue(
        lines[0].startsWith(
            "id,email,first_name,last_name,role,registered_at,attended,attendance_rate"),
        lines[0]);
    // Header, the registrants (one just added) and the host, marked as a team member.
    assertEquals(session.registrantsCount() + 3, lines.length, csv.body());
    assertEquals(
        1,
        java.util.Arrays.stream(lines).filter(l -> l.contains(",team_member,")).count(),
        csv.body());
    assertTrue(
        csv.body()
            .contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",\"x;=1+1;\","),
        csv.body());

    ConnectFlow stranger = connected(EVENTS_READ);
    assertEquals(404, stranger.browser.get(job).statusCode());
    assertEquals(404, stranger.browser.get(job + "/people.csv").statusCode());

    HttpResponse<String> direct = user.browser.get("/sessions/" + session.id() + "/people.csv");
    assertEquals(200, direct.statusCode());
    assertEquals(csv.body(), direct.body());
  }

  /**
   * Five users start 30 exports at the same moment: every one is admitted (2 run at a time, 1 per
   * user, the rest wait in line), finishes (none meets a closed EntityManager on its executor
   * thread), and holds the byte-order mark, the header and one row per registrant the sandbox has,
   * in a file only the server's user can read.
   */
  @Test
  void thirtyConcurrentExportsFromSeveralUsersAllFinishWithCompleteOwnerOnlyFiles()
      throws Exception {
    List<ConnectFlow> users = IntStream.range(0, 5).mapToObj(i -> connected(EVENTS_READ)).toList();
    Session session = smallSession(users.get(0));
    users.forEach(user -> ok(user.browser, "/sessions/" + session.id()));
    ExecutorService threads = Executors.newFixedThreadPool(30);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> jobs = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        ConnectFlow user = users.get(i % users.size());
        jobs.add(
            threads.submit(
                () -> {
                  go.await();
                  HttpResponse<String> started =
                      user.browser.post("/sessions/" + session.id() + "/people.csv", Map.of());
                  assertEquals(303, started.statusCode(), started.body());
                  return ConnectFlow.location(started);
                }));
      }
      go.countDown();
      for (int i = 0; i < 30; i++) {
        ConnectFlow user = users.get(i % users.size());
        String job = jobs.get(i).get(60, TimeUnit.SECONDS);
        assertTrue(job.startsWith("/exports/"), "admitted, not refused: " + job);
        awaitDone(user.browser, job);
        HttpResponse<String> csv = user.browser.get(job + "/people.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("\uFEFFid,email,"), "byte-order mark, then the header");
        assertEquals(
            session.registrantsCount() + 2,
            csv.body().split("\r\n").length,
            "header + every registrant + the host (a team member)");
        long account = accounts.find(user.username).orElseThrow().getId();
        ExportJob done = exports.find(account, job.substring("/exports/".length())).orElseThrow();
        assertEquals(
            "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(done.file())));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Pages, their calls and exports share the managed executor while 429s (Retry-After: 1) make
   * requests long, and no task may close a request's EntityManager under it (see {@link
   * com.livestormconnect.dashboard.PageCalls}; seen as a 500, "closed EntityManager", and stopped
   * exports). Six users load their dashboards 50 times each while 429s are injected and exports
   * run: every load answers 200, every export ends.
   */
  @Test
  void retried429sNeverBreakAPageOrAnExportUnderConcurrentLoad() throws Exception {
    int users = 6;
    int loadsEach = 50;
    List<ConnectFlow> flows =
        IntStream.range(0, users).mapToObj(i -> connected(EVENTS_READ)).toList();
    List<String> sessions = flows.stream().map(u -> smallSession(u).id()).toList();
    SandboxControl control = new SandboxControl(base());
    List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    List<String> jobs = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger loads =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(users);
    try {
      List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
      for (int u = 0; u < users; u++) {
        ConnectFlow user = flows.get(u);
        String session = sessions.get(u);
        running.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < loadsEach; i++) {
                    if (i % 2 == 0) {
                      control.queueFaults(429, 1, 1);
                    }
                    if (i % 10 == 5) {
                      HttpResponse<String> started =
                          user.browser.post("/sessions/" + session + "/people.csv", Map.of());
                      if (started.statusCode() == 303) {
                        jobs.add(user.username + " " + ConnectFlow.location(started));
                      } else {
                        failures.add(
                            "export start "
                                + started.statusCode()
                                + ": "
                                + excerpt(started.body()));
                      }
                    }
                    // refresh=1: every load makes its three calls (no recent answers).
                    HttpResponse<String> page = user.browser.get("/dashboard?refresh=1");
                    loads.incrementAndGet();
                    if (page.statusCode() != 200) {
                      failures.add("/dashboard " + page.statusCode() + ": " + excerpt(page.body()));
                    }
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : running) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(users * loadsEach, loads.get());
    assertEquals(List.of(), failures);
    assertEquals(users * (loadsEach / 10), jobs.size());
    for (String job : jobs) {
      String[] owner = job.split(" ");
      ConnectFlow user =
          flows.stream().filter(f -> f.username.equals(owner[0])).findFirst().orElseThrow();
      assertTrue(awaitDone(user.browser, owner[1]).contains("Download the CSV file"), job);
    }
  }

  /**
   * A 429 holds the connection back (an hour at most; a longer Retry-After is the monthly quota,
   * see livestorm.budget) and every page says until when.
   */
  @Test
  void aLongRetryAfterPausesOnlyThatConnectionAndThePagesSayWhenCallsResume() {
    ConnectFlow user = connected(EVENTS_READ);
    ConnectFlow other = connected(EVENTS_READ);
    assertFalse(ok(user.browser, "/dashboard").body().contains("resume at"));

    new SandboxControl(base()).queueFaults(429, 1, 240);
    String paused = ok(user.browser, "/dashboard?refresh=1").body();
    assertTrue(paused.contains("Livestorm is limiting requests right now"), paused);
    assertTrue(paused.contains("calls to Livestorm on this connection resume at"), paused);
    assertTrue(ok(user.browser, "/events").body().contains("resume at"));

    String unaffected = ok(other.browser, "/dashboard").body();
    assertFalse(unaffected.contains("resume at"), unaffected);
    assertTrue(EVENT_LINK.matcher(unaffected).find(), unaffected);
  }

  private static String excerpt(String body) {
    int at = body.indexOf("Exception");
    return body.substring(Math.max(0, at - 200), Math.min(body.length(), Math.max(0, at) + 300));
  }

  private static String awaitDone(Browser browser, String job) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      String page = ok(browser, job).body();
      assertFalse(page.contains("The export stopped"), page);
      if (page.contains("data-state=\"DONE\"")) {
        assertFalse(page.contains("http-equiv=\"refresh\""), page);
        return page;
      }
      assertTrue(page.contains("<progress"), page);
      assertTrue(page.contains("http-equiv=\"refresh\""), page);
      Thread.sleep(250);
    }
    throw new AssertionError("export " + job + " did not finish in 60 s");
  }

  @Test
  void eventsAreCreatedEditedAndDeletedWithConfirmationAndBadInputIsKept() {
    ConnectFlow user = connected("events:write");
    user.browser.get("/events/new");

    HttpResponse<String> bad =
        user.browser.post(
            "/events", Map.of("title", "  ", "description", "keep <me>", "status", "draft"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Enter a title."), bad.body());
    assertTrue(bad.body().contains("keep &lt;me&gt;</textarea>"), bad.body());

    HttpResponse<String> created =
        user.browser.post(
            "/events",
            Map.of("title", "<b>Made</b> by DashboardIT", "description", "", "status", "draft"));
    assertEquals(303, created.statusCode(), created.body());
    String eventPath = ConnectFlow.location(created);
    String page = ok(user.browser, eventPath).body();
    assertTrue(page.contains("The event was created."), page);
    assertTrue(page.contains("&lt;b&gt;Made&lt;/b&gt; by DashboardIT"), page);
    assertFalse(
        ok(user.browser, eventPath).body().contains("The event was created."), "flash shows once");

    ok(user.browser, eventPath + "/edit");
    assertEquals(
        303,
        user.browser
            .post(
                eventPath + "/edit",
                Map.of(
                    "title",
                    "Renamed by DashboardIT",
                    "description",
                    "New words",
                    "status",
                    "published"))
            .statusCode());
    assertTrue(ok(user.browser, eventPath).body().contains("Renamed by DashboardIT"));

    String confirm = ok(user.browser, eventPath + "/delete").body();
    assertTrue(
        confirm.contains("Delete this event?")
            && confirm.contains("name=\"confirm\" value=\"yes\""),
        confirm);
    HttpResponse<String> deleted =
        user.browser.post(eventPath + "/delete", Map.of("confirm", "yes"));
    assertEquals(303, deleted.statusCode());
    assertEquals("/events", ConnectFlow.location(deleted));
    assertTrue(ok(user.browser, "/events").body().contains("The event was deleted."));
    assertEquals(404, user.browser.get(eventPath).statusCode());
  }

  @Test
  void writeActionsNeedTheWriteScope() {
    ConnectFlow user = connected(EVENTS_READ);
    String form = ok(user.browser, "/events/new").body();
    assertTrue(
        form.contains("Grant events:write to enable creating, editing and deleting events."), form);
    assertEquals(
        403, user.browser.post("/events", Map.of("title", "x", "status", "draft")).statusCode());
  }

  @Test
  void registrationKeepsBadInputAndRefusesADuplicate() {
    ConnectFlow user = connected("events:write");
    Session session = smallSession(user);
    String path = "/sessions/" + session.id() + "/register";
    ok(user.browser, path);

    HttpResponse<String> bad =
        user.browser.post(
            path, Map.of("email", "nope", "firstName", "Ada", "utmSource", "newsletter"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Enter a valid email address"), bad.body());
    assertTrue(
        bad.body().contains("value=\"Ada\"") && bad.body().contains("value=\"newsletter\""),
        bad.body());

    String email = "ada." + UUID.randomUUID() + "@example.com";
    // field.company answers the events whose form requires it (ignored by the others).
    HttpResponse<String> registered =
        user.browser.post(
            path, Map.of("email", email, "firstName", "Ada", "field.company", "Acme"));
    assertEquals(303, registered.statusCode(), registered.body());
    assertTrue(
        ok(user.browser, "/sessions/" + session.id())
            .body()
            .contains("The person was registered to this session."));

    HttpResponse<String> again =
        user.browser.post(path, Map.of("email", email, "field.company", "Acme"));
    assertEquals(409, again.statusCode());
    assertTrue(
        again.body().contains("This person is already registered to this session."), again.body());
  }

  @Test
  void webhooksAreListedEscapedCreatedWithHttpsOnlyAndDeleted() {
    ConnectFlow user = connected("webhooks:write");
    String list = ok(user.browser, "/webhooks").body();
    assertTrue(
        list.contains("https://crm.example.org/inbound/livestorm?src=&lt;sandbox&gt;"), list);

    HttpResponse<String> plain =
        user.browser.post(
            "/webhooks", Map.of("url", "http://hooks.example.com/x", "event", "people.registered"));
    assertEquals(400, plain.statusCode());
    assertTrue(plain.body().contains("must be a full https:// URL"), plain.body());
    assertTrue(plain.body().contains("value=\"http://hooks.example.com/x\""), plain.body());

    // The sandbox posts only to loopback addresses or the app itself: a loopback URL nobody serves.
    String url = "https://localhost/it/" + UUID.randomUUID();
    assertEquals(
        303,
        user.browser.post("/webhooks", Map.of("url", url, "event", "session.ended")).statusCode());
    String after = ok(user.browser, "/webhooks").body();
    assertTrue(after.contains("The webhook was created.") && after.contains(url), after);

    Matcher delete =
        Pattern.compile(
                "action=\"(/webhooks/[0-9a-f-]+/delete)\"[^>]*>\\s*<input[^>]*>\\s*<button[^>]*aria-label=\"Delete the session.ended webhook to "
                    + Pattern.quote(url))
            .matcher(after);
    assertTrue(delete.find(), after);
    assertEquals(303, user.browser.post(delete.group(1), Map.of()).statusCode());
    String gone = ok(user.browser, "/webhooks").body();
    assertTrue(gone.contains("The webhook was deleted.") && !gone.contains(url), gone);
  }

  /**
   * The log of a whole flow (sign-up, a failed sign-in, connect, a token refresh, dashboard pages,
   * a registration, an export), captured in the container from the root logger at FINE for the app,
   * as the installed LOG_FORMAT=json formatter and the text formatter write it: every record is one
   * line, every JSON line one valid object, and no token, secret, password, e-mail or authorization
   * code appears.
   */
  @Test
  void aFullFlowLogsOneLinePerRecordAndNoSecretInJsonOrText() throws Exception {
    Logger root = Logger.getLogger("");
    Logger app = Logger.getLogger("com.livestormconnect");
    Level appLevel = app.getLevel();
    List<String> json = Collections.synchronizedList(new ArrayList<>());
    List<String> text = Collections.synchronizedList(new ArrayList<>());
    List<String> loggers = Collections.synchronizedList(new ArrayList<>());
    Handler capture =
        new Handler() {
          private final JsonLogFormatter jsonFormat = new JsonLogFormatter();
          private final LineLogFormatter textFormat = new LineLogFormatter();

          @Override
          public void publish(LogRecord record) {
            json.add(jsonFormat.format(record));
            text.add(textFormat.format(record));
            loggers.add(String.valueOf(record.getLoggerName()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    capture.setLevel(Level.ALL);
    List<String> secrets = new ArrayList<>();
    app.setLevel(Level.FINE);
    root.addHandler(capture);
    logSetup.install(LogFormat.JSON);
    try {
      assertTrue(
          Arrays.stream(root.getHandlers())
              .filter(h -> h != capture)
              .allMatch(h -> h.getFormatter() instanceof JsonLogFormatter),
          "LOG_FORMAT=json did not reach every root handler");
      assertTrue(root.getHandlers().length > 1, "the server has no root handler");

      ConnectFlow user = ConnectFlow.signedUp(base(), "logs");
      Browser intruder = new Browser(base());
      intruder.get("/login");
      String wrongPassword = "wrong-password-" + UUID.randomUUID();
      intruder.post("/login", Map.of("username", user.username, "password", wrongPassword));
      String callback = user.approvedCallback("identity:read", "events:read", "events:write");
      String code = ConnectFlow.query(callback).get("code");
      assertEquals(303, user.browser.get(callback).statusCode());
      long accountId = accounts.find(user.username).orElseThrow().getId();
      TokenSet first = tokens.load(accountId).orElseThrow();

      queueFault(user.browser, 401, 1);
      ok(user.browser, "/events");
      TokenSet refreshed = tokens.load(accountId).orElseThrow();
      assertFalse(
          first.accessToken().getValue().equals(refreshed.accessToken().getValue()),
          "no refresh happened");
      ok(user.browser, "/dashboard");
      Session session = smallSession(user);
      ok(user.browser, "/sessions/" + session.id());
      String email = "logged." + UUID.randomUUID() + "@example.com";
      user.browser.get("/sessions/" + session.id() + "/register");
      assertEquals(
          303,
          user.browser
              .post(
                  "/sessions/" + session.id() + "/register",
                  Map.of(
                      "email",
                      email,
                      "firstName",
                      "Log",
                      "lastName",
                      "Check",
                      "field.company",
                      "Acme"))
              .statusCode());
      HttpResponse<String> started =
          user.browser.post("/sessions/" + session.id() + "/people.csv", Map.of());
      awaitDone(user.browser, ConnectFlow.location(started));

      secrets.addAll(
          List.of(
              first.accessToken().getValue(),
              first.refreshToken().getValue(),
              refreshed.accessToken().getValue(),
              refreshed.refreshToken().getValue(),
              Settings.SANDBOX_CLIENT_SECRET.getValue(),
              ConnectFlow.PASSWORD,
              wrongPassword,
              email,
              code));
    } finally {
      root.removeHandler(capture);
      app.setLevel(appLevel);
      logSetup.restore();
    }
    assertTrue(
        Arrays.stream(root.getHandlers())
            .noneMatch(h -> h.getFormatter() instanceof JsonLogFormatter),
        "the server's formatters were not given back");

    assertTrue(
        loggers.stream().anyMatch(l -> l.startsWith("com.livestormconnect")),
        "the app logged nothing: " + loggers);
    for (String line : json) {
      assertTrue(
          line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "not one line: " + line);
      JsonObject object = Json.createReader(new StringReader(line)).readObject();
      assertTrue(
          object.containsKey("time")
              && object.containsKey("level")
              && object.containsKey("message"),
          line);
    }
    for (String line : text) {
      assertTrue(line.indexOf('\n') == line.length() - 1, "not one line: " + line);
    }
    for (String secret : secrets) {
      for (List<String> lines : List.of(json, text)) {
        for (String line : lines) {
          assertFalse(line.contains(secret), "a secret in the log: " + line);
        }
      }
    }
    System.out.println(
        "Log of a full flow: "
            + json.size()
            + " records, e.g. "
            + json.get(json.size() - 1).strip());
  }

  /**
   * Sub-paths as an attacker spells them (dot segments, encoded slashes, empty and over-long ids,
   * trailing slashes): each is a 400 or a 404, never a page, a server error or an action done.
   */
  @Test
  void hostileSubPathsAreNotFoundAndDoNothing() {
    ConnectFlow user = connected(EVENTS_READ, "events:write", "webhooks:read", "webhooks:write");
    ok(user.browser, "/events/new");
    HttpResponse<String> created =
        user.browser.post(
            "/events",
            Map.of("title", "Kept by DashboardIT", "description", "", "status", "draft"));
    assertEquals(303, created.statusCode(), created.body());
    String event = ConnectFlow.location(created).replace("/events/", "");
    String site = base().toString().replaceAll("/+$", "");
    for (String path :
        List.of(
            "/events/..%2Fx",
            "/events/%2e%2e/x",
            "/events/a%2Fb",
            "/events/a%2fedit",
            "/events/%2F",
            "/events/" + event + "/edit/",
            "/events/" + event + "/edit/x",
            "/events/" + event + "%00",
            "/events/" + "a".repeat(65),
            "/events/" + "a".repeat(2_000),
            "/sessions/..%2F" + event,
            "/sessions/" + event + "/people.csv/",
            "/exports/..%2Fx",
            "/exports/" + "a".repeat(65))) {
      int status = user.browser.get(site + path).statusCode();
      assertTrue(status == 400 || status == 404, path + " answered " + status);
    }
    ok(user.browser, "/events/" + event + "/delete");
    for (String path :
        List.of(
            "/events/" + event + "/delete/",
            "/events/" + event + "/delete/x",
            "/events/..%2F" + event + "/delete",
            "/events/a%2F" + event + "/delete")) {
      int status = user.browser.post(site + path, Map.of("confirm", "yes")).statusCode();
      assertTrue(status == 400 || status == 404, path + " answered " + status);
    }
    for (String path :
        List.of("/webhooks/%2Fdelete", "/webhooks/a%2Fb/delete", "/webhooks/x/delete/")) {
      int status = user.browser.post(site + path, Map.of()).statusCode();
      assertTrue(status == 400 || status == 404, path + " answered " + status);
    }
    assertTrue(
        ok(user.browser, "/events/" + event).body().contains("Kept by DashboardIT"),
        "the event is still there");
  }
}
