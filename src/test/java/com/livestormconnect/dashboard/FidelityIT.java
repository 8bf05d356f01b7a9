package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.connect.ConnectFlow;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The app against each way the real Livestorm may behave where the sandbox cannot know: every test
 * switches the sandbox's variants at run time (one deployment for all of them) and walks the
 * connect and dashboard paths as a user's browser does.
 */
@ExtendWith(ArquillianExtension.class)
class FidelityIT {
  private static final String ORGANIZATION_NAME = "Acme Webinars (sandbox)";
  private static final String PAST_THE_END = "That page no longer exists";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.app(FidelityIT.class, ConnectFlow.class);
  }

  /** Runs as a client: the app is where the test browser finds it (127.0.0.1 and it.http.port). */
  private static URI base() {
    return new com.livestormconnect.Browser().base();
  }

  private static SandboxControl control() {
    return new SandboxControl(base());
  }

  private static ConnectFlow connected(String... scopes) {
    ConnectFlow user = ConnectFlow.signedUp(base(), "fidelity");
    user.connect(scopes);
    return user;
  }

  private static String ok(ConnectFlow user, String path) {
    HttpResponse<String> page = user.browser.get(path);
    assertEquals(200, page.statusCode(), path + ": " + page.body());
    return page.body();
  }

  @AfterEach
  void defaultsAgain() {
    control().resetVariants();
    control().monthlyQuotaLeft(10_000);
  }

  @Test
  void theOrganizationsNameShowsWhicheverShapeLivestormAnswersIn() {
    for (String shape : List.of("user", "organization")) {
      control().variants(Map.of("organization", shape));
      ConnectFlow user = connected("identity:read", "events:read");
      String organization = ok(user, "/organization");
      assertTrue(organization.contains(ORGANIZATION_NAME), shape + ": " + organization);
      String dashboard = ok(user, "/dashboard");
      assertTrue(
          dashboard.matches(
              "(?s).*class=\"organization\">"
                  + ORGANIZATION_NAME.replace("(", "\\(").replace(")", "\\)")
                  + "<.*"),
          shape + ": " + dashboard);
    }
  }

  @Test
  void theSandboxAnswersOrganizationAsTheUserWithTheOrganizationIncludedByDefault() {
    assertEquals("user", control().variants(Map.of()).getString("organization"));
  }

  @Test
  void aPagePastTheEndShowsTheLastPageWithANoticeAndIsNotAskedForAgain() {
    ConnectFlow user = connected("events:read");
    String stale = ok(user, "/events?page=40");
    assertTrue(stale.contains(PAST_THE_END), stale);
    assertTrue(stale.contains("<table class=\"events\">"), "the last page's events are shown");
    assertFalse(stale.contains("alert-error"), stale);

    control().resetStats();
    // refresh=1: read live, so that the one call the page makes is counted (no recent answer).
    String again = ok(user, "/events?page=41&refresh=1");
    assertTrue(again.contains(PAST_THE_END), again);
    assertEquals(
        1,
        control().counter("api_requests"),
        "the page count seen before keeps the app from asking for a page past it");
  }

  @Test
  void anEmptyListShowsNoEventsWhetherPageZeroIsAnEmpty200OrA400() {
    for (String variant : List.of("ok", "bad_request")) {
      control().variants(Map.of("empty_list", variant));
      ConnectFlow user = connected("events:read");
      String empty = ok(user, "/events?q=no-event-has-this-title-" + variant);
      assertTrue(empty.contains("No event matches"), variant + ": " + empty);
      assertFalse(empty.contains("alert-error"), variant + ": " + empty);
    }
  }

  @Test
  void authorizationErrorsStayOnLivestormsPageOrComeBackToTheAppByVariant() {
    ConnectFlow user = connected("events:read");
    String unknownScope =
        "/sandbox/oauth/authorize?client_id=livestorm-connect-sandbox&redirect_uri="
            + base()
            + "/connect/callback&response_type=code&scope=full:write&state=s";
    HttpResponse<String> shown = user.browser.get(unknownScope);
    assertEquals(400, shown.statusCode());
    assertTrue(shown.body().contains("invalid_scope"), shown.body());
    assertTrue(shown.headers().firstValue("Location").isEmpty());

    control().variants(Map.of("authorize_errors", "redirect"));
    HttpResponse<String> redirected = user.browser.get(unknownScope);
    assertEquals(302, redirected.statusCode());
    assertTrue(ConnectFlow.location(redirected).contains("error=invalid_scope"));
  }

  private static final java.util.regex.Pattern SESSION_LINK =
      java.util.regex.Pattern.compile("href=\"/sessions/([0-9a-f-]{36})\"");
  private static final java.util.regex.Pattern EVENT_LINK =
      java.util.regex.Pattern.compile("href=\"/events/([0-9a-f-]{36})\"");
  private static final List<String> HOSTS =
      List.of(
          "camille.martin@example.com",
          "jordan.lee@example.com",
          "amara.okafor@example.com",
          "lukas.schmidt@example.com");

  @Test
  void sessionPeopleAreParticipantsUnlessTeamMembersAreAskedForAndCarryTheirJoinLink() {
    ConnectFlow user = connected("events:read");
    java.util.regex.Matcher event = EVENT_LINK.matcher(ok(user, "/events?status=ended"));
    assertTrue(event.find());
    java.util.regex.Matcher session = SESSION_LINK.matcher(ok(user, "/events/" + event.group(1)));
    assertTrue(session.find());
    String path = "/sessions/" + session.group(1);

    String participants = ok(user, path);
    assertTrue(HOSTS.stream().noneMatch(participants::contains), "no host among the participants");
    String team = ok(user, path + "?role=team");
    assertTrue(HOSTS.stream().anyMatch(team::contains), team);
    assertTrue(
        team.contains("class=\"copyable\"") && team.contains("value=\"https://app.livestorm.co/p/"),
        "the personal join link, ready to copy");
  }

  @Test
  void aUsedUpMonthlyQuotaStopsTheCallsAndSaysUntilWhenOnThePagesAndTheConnectionPage() {
    ConnectFlow user = connected("events:read");
    control().monthlyQuotaLeft(0);
    String events = ok(user, "/events");
    assertTrue(events.contains("Monthly API quota used up until"), events);
    assertFalse(
        events.contains("Livestorm is limiting requests right now"), "not the per-second 429");

    control().resetStats();
    String again = ok(user, "/events");
    assertTrue(again.contains("Monthly API quota used up until"), again);
    String connection = ok(user, "/connection");
    assertTrue(connection.contains("Monthly API quota used up until"), connection);
    assertEquals(0, control().counter("api_requests"), "no call to Livestorm until the reset");
  }

  @Test
  void pagesWarnWhenMostOfTheMonthlyQuotaIsUsedAndAdministratorsSeeTheUse() {
    // it-admin is in ADMIN_USERNAMES (arquillian.xml); the account may exist from another class.
    new com.livestormconnect.Browser(base()).signUp("it-admin", ConnectFlow.PASSWORD);
    com.livestormconnect.Browser admin = new com.livestormconnect.Browser(base());
    admin.get("/login");
    assertEquals(
        303,
        admin
            .post("/login", Map.of("username", "it-admin", "password", ConnectFlow.PASSWORD))
            .statusCode());
    ConnectFlow user = connected("events:read");
    // refresh=1: each load calls Livestorm (no recent answer), so its quota headers are read.
    control().monthlyQuotaLeft(1_500);
    ok(user, "/events?refresh=1");
    String warned = ok(user, "/events?refresh=1");
    assertTrue(warned.contains("More than 80 % of this month"), warned);
    control().monthlyQuotaLeft(400);
    ok(user, "/events?refresh=1");
    assertTrue(ok(user, "/connection").contains("More than 95 % of this month"));
    HttpResponse<String> connections = admin.get("/admin/connections");
    assertEquals(200, connections.statusCode(), connections.body());
    assertTrue(
        connections.body().matches("(?s).*class=\"num quota-used\">\\s*<span>9[0-9] %</span>.*"),
        connections.body());
  }

  @Test
  void theRegistrationFormIsTheEventsOwnWithItsRequiredCustomField() {
    ConnectFlow user = connected("events:write");
    String register = null;
    java.util.regex.Matcher events = EVENT_LINK.matcher(ok(user, "/events?status=upcoming"));
    while (register == null && events.find()) {
      java.util.regex.Matcher session =
          SESSION_LINK.matcher(ok(user, "/events/" + events.group(1)));
      if (session.find()
          && ok(user, "/sessions/" + session.group(1) + "/register")
              .contains("name=\"field.company\"")) {
        register = "/sessions/" + session.group(1) + "/register";
      }
    }
    assertTrue(register != null, "an upcoming event whose form requires a company");
    String email = "form." + java.util.UUID.randomUUID() + "@example.com";
    HttpResponse<String> incomplete =
        user.browser.post(register, Map.of("email", email, "firstName", "Ada"));
    assertEquals(400, incomplete.statusCode());
    assertTrue(
        incomplete.body().contains("This field is required for this event."), incomplete.body());
    assertTrue(incomplete.body().contains("value=\"Ada\""), "nothing typed is lost");
    HttpResponse<String> complete =
        user.browser.post(
            register, Map.of("email", email, "firstName", "Ada", "field.company", "Acme"));
    assertEquals(303, complete.statusCode(), complete.body());
  }

  @Test
  void breakoutRoomsAreShownUnderTheirSessionAndLinkBackToIt() {
    ConnectFlow user = connected("events:read");
    java.util.regex.Matcher events = EVENT_LINK.matcher(ok(user, "/events?status=ended"));
    String parent = null;
    String page = "";
    for (int checked = 0; parent == null && checked < 12 && events.find(); checked++) {
      java.util.regex.Matcher sessions =
          SESSION_LINK.matcher(ok(user, "/events/" + events.group(1)));
      while (parent == null && sessions.find()) {
        page = ok(user, "/sessions/" + sessions.group(1));
        if (page.contains("class=\"breakout-rooms\"")) {
          parent = sessions.group(1);
        }
      }
    }
    assertTrue(parent != null, "a session with breakout rooms among the first ended events");
    java.util.regex.Matcher room =
        SESSION_LINK.matcher(page.substring(page.indexOf("class=\"breakout-rooms\"")));
    assertTrue(room.find());
    String roomPage = ok(user, "/sessions/" + room.group(1));
    assertTrue(
        roomPage.contains("Breakout room of")
            && roomPage.contains("href=\"/sessions/" + parent + "\""),
        roomPage);
  }

  @Test
  void theSessionsChartIsInStartDateOrder() {
    ConnectFlow user = connected("events:read");
    java.util.regex.Matcher event = EVENT_LINK.matcher(ok(user, "/events?status=ended"));
    assertTrue(event.find());
    String page = ok(user, "/events/" + event.group(1));
    java.util.regex.Matcher bar =
        java.util.regex.Pattern.compile(
                "class=\"chart-bar chart-series-0\"[^>]*><title>(\\d{1,2} \\w{3} \\d{4}) ")
            .matcher(page);
    java.time.format.DateTimeFormatter format =
        java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.ENGLISH);
    java.time.LocalDate previous = java.time.LocalDate.MIN;
    int bars = 0;
    while (bar.find()) {
      java.time.LocalDate date = java.time.LocalDate.parse(bar.group(1), format);
      assertFalse(date.isBefore(previous), "bars by start date: " + previous + " then " + date);
      previous = date;
      bars++;
    }
    assertTrue(bars >= 2, "bars: " + bars + " in " + page);
  }
}
