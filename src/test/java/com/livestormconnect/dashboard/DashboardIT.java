package com.livestormconnect.dashboard;

import com.livestormconnect.SandboxControl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.connect.ConnectFlow;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.config.OperationsSettings.LogFormat;
import com.livestormconnect.config.Settings;
import com.livestormconnect.logging.JsonLogFormatter;
import com.livestormconnect.logging.LineLogFormatter;
import com.livestormconnect.logging.LogSetup;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * explained, write actions with POST-redirect-GET, and CSV exports through a background job.
 * Runs in the container so that it can ask the API client which sessions are small.
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

  @Inject
  LivestormClient client;

  @Inject
  AccountStore accounts;

  @Inject
  TokenStore tokens;

  @Inject
  LogSetup logSetup;

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

  /** A session that took place, with the fewest registrants (at least two), found through the API. */
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

    assertTrue(body.contains("Live now") && body.contains("Upcoming") && body.contains("Recently ended"), body);
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

    assertTrue(body.contains("&lt;script&gt;alert(&#39;sandbox&#39;)&lt;/script&gt; Quarterly review"), body);
    assertFalse(body.contains("<script>alert"), body);
    assertTrue(body.contains("=HYPERLINK("), body);
    assertTrue(body.contains("href=\"/events?status=&amp;q=&amp;page=1\""), body);
    assertTrue(body.contains("page 1 of 2 (40 items)"), body);

    String second = ok(user.browser, "/events?page=1").body();
    assertTrue(second.contains("aria-current=\"page\">2<"), second);
    assertTrue(second.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt;"), second);
    assertFalse(second.contains("<img src=x"), second);
  }

  @Test
  void eventsCanBeFilteredByTitleAndStatus() {
    ConnectFlow user = connected(EVENTS_READ);

    String found = ok(user.browser, "/events?q=quarterly").body();
    assertEquals(1, EVENT_LINK.matcher(found).results().count(), found);
    assertTrue(found.contains("value=\"quarterly\""), found);

    String drafts = ok(user.browser, "/events?status=draft").body();
    assertTrue(drafts.contains("<option value=\"draft\" selected=\"selected\">Draft</option>"), drafts);
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
    String hostile = first(Pattern.compile("href=\"/events/([0-9a-f-]{36})\">&lt;script&gt;"),
        ok(user.browser, "/events").body());
    String body = ok(user.browser, "/events/" + hostile).body();

    assertTrue(body.contains("<h1 class=\"ls\">&lt;script&gt;alert(&#39;sandbox&#39;)&lt;/script&gt; Quarterly review</h1>"), body);
    assertTrue(body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""), body);
    assertTrue(body.contains("<title id=\"sessions-chart-title\">Registrants and attendees per session</title>"), body);
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
    assertEquals(session.registrantsCount(), Pattern.compile("<tr class=\"person\">").matcher(body).results().count(), body);
    assertTrue(body.contains("Attendance rate distribution"), body);
    assertTrue(body.contains("90–100 %"), body);
    assertTrue(body.contains("Grant events:write to enable registering people to sessions."), body);
  }

  @Test
  void sessionPeopleAreEscapedOnTheLargeSession() {
    ConnectFlow user = connected(EVENTS_READ);
    Access access = Access.of(accounts.find(user.username).orElseThrow().getId());
    Session large = client.sessions(access, 0, LivestormClient.MAX_PAGE_SIZE).items().stream()
        .max(Comparator.comparingInt(Session::registrantsCount)).orElseThrow();
    String body = ok(user.browser, "/sessions/" + large.id()).body();

    assertTrue(body.contains("page 1 of 104 (5,200 items)"), body);
    assertFalse(body.contains("<script>alert"), body);
  }

  @Test
  void featuresTheScopesDoNotAllowAreDisabledWithAWayToGrantThem() {
    ConnectFlow user = connected("identity:read");

    String events = ok(user.browser, "/events").body();
    assertTrue(events.contains("Grant events:read to enable the events, sessions and people pages."), events);
    assertTrue(events.contains("name=\"scope\" value=\"identity:read\""), events);
    assertTrue(events.contains("name=\"scope\" value=\"events:read\""), events);
    assertTrue(events.contains("action=\"/connect\""), events);

    String webhooks = ok(user.browser, "/webhooks").body();
    assertTrue(webhooks.contains("Grant webhooks:read to enable the webhooks list."), webhooks);

    String organization = ok(user.browser, "/organization").body();
    assertTrue(organization.contains("Acme Webinars (sandbox)"), organization);
    assertTrue(organization.contains("Grant admin:read to enable the list of team members."), organization);
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
    assertEquals(303, user.browser.post("/sessions/" + session.id() + "/register",
        Map.of("email", "formula." + UUID.randomUUID() + "@example.com",
            "firstName", "=HYPERLINK(\"https://evil.example\",\"x\")", "lastName", "@SUM(A1)")).statusCode());

    ok(user.browser, "/sessions/" + session.id());
    HttpResponse<String> started = user.browser.post("/sessions/" + session.id() + "/people.csv", Map.of());
    assertEquals(303, started.statusCode(), started.body());
    String job = ConnectFlow.location(started);
    assertTrue(job.startsWith("/exports/"), job);

    String page = awaitDone(user.browser, job);
    assertTrue(page.contains("Download the CSV file"), page);
    HttpResponse<String> csv = user.browser.get(job + "/people.csv");
    assertEquals(200, csv.statusCode());
    assertEquals("attachment; filename=\"people-" + session.id() + ".csv\"",
        csv.headers().firstValue("Content-Disposition").orElseThrow());
    assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv; charset=UTF-8"));
    String[] lines = csv.body().split("\r\n");
    assertTrue(lines[0].startsWith("id,email,first_name,last_name,role,registered_at,attended,attendance_rate"), lines[0]);
    assertEquals(session.registrantsCount() + 2, lines.length, csv.body());
    assertTrue(csv.body().contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",'@SUM(A1),"), csv.body());

    ConnectFlow stranger = connected(EVENTS_READ);
    assertEquals(404, stranger.browser.get(job).statusCode());
    assertEquals(404, stranger.browser.get(job + "/people.csv").statusCode());

    HttpResponse<String> direct = user.browser.get("/sessions/" + session.id() + "/people.csv");
    assertEquals(200, direct.statusCode());
    assertEquals(csv.body(), direct.body());
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

    HttpResponse<String> bad = user.browser.post("/events", Map.of("title", "  ", "description", "keep <me>", "status", "draft"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Enter a title."), bad.body());
    assertTrue(bad.body().contains("keep &lt;me&gt;</textarea>"), bad.body());

    HttpResponse<String> created = user.browser.post("/events",
        Map.of("title", "<b>Made</b> by DashboardIT", "description", "", "status", "draft"));
    assertEquals(303, created.statusCode(), created.body());
    String eventPath = ConnectFlow.location(created);
    String page = ok(user.browser, eventPath).body();
    assertTrue(page.contains("The event was created."), page);
    assertTrue(page.contains("&lt;b&gt;Made&lt;/b&gt; by DashboardIT"), page);
    assertFalse(ok(user.browser, eventPath).body().contains("The event was created."), "flash shows once");

    ok(user.browser, eventPath + "/edit");
    assertEquals(303, user.browser.post(eventPath + "/edit",
        Map.of("title", "Renamed by DashboardIT", "description", "New words", "status", "published")).statusCode());
    assertTrue(ok(user.browser, eventPath).body().contains("Renamed by DashboardIT"));

    String confirm = ok(user.browser, eventPath + "/delete").body();
    assertTrue(confirm.contains("Delete this event?") && confirm.contains("name=\"confirm\" value=\"yes\""), confirm);
    HttpResponse<String> deleted = user.browser.post(eventPath + "/delete", Map.of("confirm", "yes"));
    assertEquals(303, deleted.statusCode());
    assertEquals("/events", ConnectFlow.location(deleted));
    assertTrue(ok(user.browser, "/events").body().contains("The event was deleted."));
    assertEquals(404, user.browser.get(eventPath).statusCode());
  }

  @Test
  void writeActionsNeedTheWriteScope() {
    ConnectFlow user = connected(EVENTS_READ);
    String form = ok(user.browser, "/events/new").body();
    assertTrue(form.contains("Grant events:write to enable creating, editing and deleting events."), form);
    assertEquals(403, user.browser.post("/events", Map.of("title", "x", "status", "draft")).statusCode());
  }

  @Test
  void registrationKeepsBadInputAndRefusesADuplicate() {
    ConnectFlow user = connected("events:write");
    Session session = smallSession(user);
    String path = "/sessions/" + session.id() + "/register";
    ok(user.browser, path);

    HttpResponse<String> bad = user.browser.post(path, Map.of("email", "nope", "firstName", "Ada", "utmSource", "newsletter"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Enter a valid email address"), bad.body());
    assertTrue(bad.body().contains("value=\"Ada\"") && bad.body().contains("value=\"newsletter\""), bad.body());

    String email = "ada." + UUID.randomUUID() + "@example.com";
    HttpResponse<String> registered = user.browser.post(path, Map.of("email", email, "firstName", "Ada"));
    assertEquals(303, registered.statusCode(), registered.body());
    assertTrue(ok(user.browser, "/sessions/" + session.id()).body().contains("The person was registered to this session."));

    HttpResponse<String> again = user.browser.post(path, Map.of("email", email));
    assertEquals(409, again.statusCode());
    assertTrue(again.body().contains("This person is already registered to this session."), again.body());
  }

  @Test
  void webhooksAreListedEscapedCreatedWithHttpsOnlyAndDeleted() {
    ConnectFlow user = connected("webhooks:write");
    String list = ok(user.browser, "/webhooks").body();
    assertTrue(list.contains("https://crm.example.org/inbound/livestorm?src=&lt;sandbox&gt;"), list);

    HttpResponse<String> plain = user.browser.post("/webhooks", Map.of("url", "http://hooks.example.com/x", "event", "people.registered"));
    assertEquals(400, plain.statusCode());
    assertTrue(plain.body().contains("must be a full https:// URL"), plain.body());
    assertTrue(plain.body().contains("value=\"http://hooks.example.com/x\""), plain.body());

    String url = "https://hooks.example.com/it/" + UUID.randomUUID();
    assertEquals(303, user.browser.post("/webhooks", Map.of("url", url, "event", "session.ended")).statusCode());
    String after = ok(user.browser, "/webhooks").body();
    assertTrue(after.contains("The webhook was created.") && after.contains(url), after);

    Matcher delete = Pattern.compile("action=\"(/webhooks/[0-9a-f-]+/delete)\"[^>]*>\\s*<input[^>]*>\\s*<button[^>]*aria-label=\"Delete the session.ended webhook to "
        + Pattern.quote(url)).matcher(after);
    assertTrue(delete.find(), after);
    assertEquals(303, user.browser.post(delete.group(1), Map.of()).statusCode());
    String gone = ok(user.browser, "/webhooks").body();
    assertTrue(gone.contains("The webhook was deleted.") && !gone.contains(url), gone);
  }

  /**
   * The log of a whole flow (sign-up, a failed sign-in, connect, a token refresh, dashboard pages, a
   * registration, an export), captured in the container from the root logger at FINE for the app,
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
    Handler capture = new Handler() {
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
      assertTrue(Arrays.stream(root.getHandlers()).filter(h -> h != capture)
          .allMatch(h -> h.getFormatter() instanceof JsonLogFormatter), "LOG_FORMAT=json did not reach every root handler");
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
      assertFalse(first.accessToken().getValue().equals(refreshed.accessToken().getValue()), "no refresh happened");
      ok(user.browser, "/dashboard");
      Session session = smallSession(user);
      ok(user.browser, "/sessions/" + session.id());
      String email = "logged." + UUID.randomUUID() + "@example.com";
      user.browser.get("/sessions/" + session.id() + "/register");
      assertEquals(303, user.browser.post("/sessions/" + session.id() + "/register",
          Map.of("email", email, "firstName", "Log", "lastName", "Check")).statusCode());
      HttpResponse<String> started = user.browser.post("/sessions/" + session.id() + "/people.csv", Map.of());
      awaitDone(user.browser, ConnectFlow.location(started));

      secrets.addAll(List.of(first.accessToken().getValue(), first.refreshToken().getValue(),
          refreshed.accessToken().getValue(), refreshed.refreshToken().getValue(),
          Settings.SANDBOX_CLIENT_SECRET.getValue(), ConnectFlow.PASSWORD, wrongPassword, email, code));
    } finally {
      root.removeHandler(capture);
      app.setLevel(appLevel);
      logSetup.restore();
    }
    assertTrue(Arrays.stream(root.getHandlers()).noneMatch(h -> h.getFormatter() instanceof JsonLogFormatter),
        "the server's formatters were not given back");

    assertTrue(loggers.stream().anyMatch(l -> l.startsWith("com.livestormconnect")), "the app logged nothing: " + loggers);
    for (String line : json) {
      assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "not one line: " + line);
      JsonObject object = Json.createReader(new StringReader(line)).readObject();
      assertTrue(object.containsKey("time") && object.containsKey("level") && object.containsKey("message"), line);
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
    System.out.println("Log of a full flow: " + json.size() + " records, e.g. " + json.get(json.size() - 1).strip());
  }
}
