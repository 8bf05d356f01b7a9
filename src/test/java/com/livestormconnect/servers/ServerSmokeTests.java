package com.livestormconnect.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.SandboxConsent;
import com.livestormconnect.SandboxControl;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The smoke suite every other server runs, over plain HTTP against the freshly built WAR as an
 * operator would deploy it (not an Arquillian deployment: what is proved is the artifact we ship,
 * with each server's own configuration, and no server adapter has to be kept in step with it). The
 * server is started before the first test and stopped after the last, even when tests fail; the
 * build's post-integration-test stops whatever an aborted run left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ServerSmokeTests {
  private static final String PASSWORD = "correct horse battery";
  private static final Pattern EVENT_LINK = Pattern.compile("href=\"/events/([0-9a-f-]{36})\"");
  private static final Pattern SESSION_LINK = Pattern.compile("href=\"/sessions/([0-9a-f-]{36})\"");

  RunningServer server;

  /** server.sh's name for the server: wildfly, glassfish, liberty or payara7. */
  abstract String serverName();

  /** The app's database settings; by default embedded Derby under the server's work folder. */
  Map<String, String> databaseSettings() {
    return Map.of();
  }

  String workName() {
    return serverName();
  }

  @BeforeAll
  void startServer() {
    // -Dit.test=WildFlyIT also selects this class in the Payara executions, which have no server.
    assumeTrue(
        System.getProperty("it.servers.dir") != null, "runs in the failsafe execution 'servers'");
    server = RunningServer.start(serverName(), workName(), databaseSettings());
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  URI base() {
    return server.base();
  }

  @Test
  @Order(1)
  void healthAnswers() {
    HttpResponse<String> health = new Browser(base()).get("/health");
    assertEquals(200, health.statusCode(), health.body());
  }

  @Test
  @Order(2)
  void aUserSignsUpSignsInConnectsWorksExportsAndSignsOut() throws Exception {
    String username = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
    Browser browser = new Browser(base());

    HttpResponse<String> signedUp = browser.signUp(username, PASSWORD);
    assertEquals(303, signedUp.statusCode(), signedUp.body());
    assertSessionCookie(signedUp);
    ok(browser, "/dashboard"); // the session (and its CSRF token) changed at sign-in
    assertEquals(303, browser.post("/logout", Map.of()).statusCode());
    assertRedirectsToSignIn(browser.get("/dashboard"));

    browser.get("/login");
    HttpResponse<String> signedIn =
        browser.post("/login", Map.of("username", username, "password", PASSWORD));
    assertEquals(303, signedIn.statusCode(), signedIn.body());
    assertEquals(200, browser.get("/dashboard").statusCode());

    connectThroughTheSandbox(browser);

    String dashboard = ok(browser, "/dashboard");
    String event = first(EVENT_LINK, dashboard);
    String eventPage = ok(browser, "/events/" + event);
    String session = first(SESSION_LINK, eventPage);
    ok(browser, "/sessions/" + session);

    // The access token expires: the next page refreshes it (Hibernate or EclipseLink, SELECT ...
    // FOR UPDATE).
    SandboxControl sandbox = new SandboxControl(base());
    long refreshes = sandbox.counter("refreshes");
    sandbox.advanceClock(Duration.ofHours(3).toSeconds());
    ok(browser, "/events");
    assertEquals(
        refreshes + 1, sandbox.counter("refreshes"), "one refresh after the token expired");
    ok(browser, "/sessions/" + session);

    // A CSV export through the managed executor, then the download.
    HttpResponse<String> started = browser.post("/sessions/" + session + "/people.csv", Map.of());
    assertEquals(303, started.statusCode(), started.body());
    String job = location(started);
    assertTrue(job.startsWith("/exports/"), job);
    awaitExport(browser, job);
    HttpResponse<String> csv = browser.get(job + "/people.csv");
    assertEquals(200, csv.statusCode(), csv.body());
    String contentType = csv.headers().firstValue("Content-Type").orElseThrow();
    assertTrue(
        contentType.startsWith("text/csv") && contentType.contains("charset=UTF-8"), contentType);
    assertTrue(csv.body().startsWith("\uFEFFid,email,first_name,last_name,"), csv.body());

    ok(browser, "/dashboard");
    HttpResponse<String> signedOut = browser.post("/logout", Map.of());
    assertEquals(303, signedOut.statusCode(), signedOut.body());
    assertRedirectsToSignIn(browser.get("/dashboard"));
  }

  @Test
  @Order(3)
  void anAdministratorPageIsRefusedToAPlainUser() {
    // The first account of a fresh database is an administrator: make sure it exists.
    new Browser(base())
        .signUp("smoke-first-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    Browser plain = new Browser(base());
    assertEquals(
        303,
        plain
            .signUp("smoke-plain-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD)
            .statusCode());

    assertEquals(403, plain.get("/admin").statusCode());
    assertEquals(403, plain.get("/admin/connections").statusCode());
    assertEquals(403, plain.get("/metrics").statusCode());
    assertRedirectsToSignIn(new Browser(base()).get("/admin"));
  }

  /**
   * Connect with PKCE: the app's redirect carries an S256 challenge, the sandbox checks the
   * verifier.
   */
  private static void connectThroughTheSandbox(Browser browser) {
    browser.get("/connect");
    HttpResponse<String> redirect =
        browser.post(
            "/connect",
            List.of(Map.entry("scope", "identity:read"), Map.entry("scope", "events:write")));
    assertEquals(303, redirect.statusCode(), redirect.body());
    String authorize = location(redirect);
    assertTrue(
        authorize.contains("code_challenge_method=S256") && authorize.contains("code_challenge="),
        authorize);

    HttpResponse<String> callback = browser.get(SandboxConsent.approve(browser, authorize));
    assertEquals(303, callback.statusCode(), callback.body());
    assertEquals("/dashboard", location(callback));
  }

  private static void awaitExport(Browser browser, String job) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      String page = ok(browser, job);
      assertFalse(page.contains("The export stopped"), page);
      if (page.contains("data-state=\"DONE\"")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("export " + job + " did not finish in 90 s");
  }

  /**
   * The session cookie as this server writes it: HttpOnly and SameSite=Lax exactly once, on every
   * server (some ignore the standard SessionCookieConfig attribute; web.SameSiteSessions adds it).
   */
  private void assertSessionCookie(HttpResponse<String> response) {
    List<String> cookies = response.headers().allValues("Set-Cookie");
    String session =
        cookies.stream()
            .filter(c -> c.startsWith("LSCSESSION="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + cookies));
    assertTrue(session.contains("HttpOnly"), session);
    assertEquals(
        1, session.split("(?i)SameSite=Lax", -1).length - 1, "SameSite=Lax once: " + session);
  }

  private static void assertRedirectsToSignIn(HttpResponse<String> response) {
    assertTrue(
        response.statusCode() == 302 || response.statusCode() == 303,
        "HTTP " + response.statusCode() + ": " + response.body());
    assertTrue(location(response).contains("/login"), location(response));
  }

  private static String ok(Browser browser, String path) {
    HttpResponse<String> page = browser.get(path);
    assertEquals(200, page.statusCode(), path + ": " + page.body());
    return page.body();
  }

  private static String first(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    assertTrue(m.find(), "no match for " + pattern + " in " + body);
    return m.group(1);
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(
            () ->
                new AssertionError(
                    "no Location; HTTP " + response.statusCode() + ": " + response.body()));
  }
}
