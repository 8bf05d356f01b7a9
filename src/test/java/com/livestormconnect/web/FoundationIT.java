package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The foundation seen from a browser: sign-up, sign-in, CSRF, headers, errors, health. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT {
  private static final String PASSWORD = "correct horse battery";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.app();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void healthSaysUpAfterCheckingTheDatabase() {
    HttpResponse<String> response = new Browser().get("/health");
    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"UP\"}", response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void livenessAndReadinessAnswerAsOrchestratorsExpect() {
    HttpResponse<String> live = new Browser().get("/health/live");
    assertEquals(200, live.statusCode());
    assertEquals("{\"status\":\"UP\"}", live.body());
    assertTrue(live.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

    HttpResponse<String> anonymous = new Browser().get("/health/ready");
    assertEquals(200, anonymous.statusCode(), anonymous.body());
    assertEquals(
        "{\"status\":\"UP\"}",
        anonymous.body(),
        "anonymous callers learn nothing of the mode, the schema or the hosts");
    HttpResponse<String> wrongToken =
        new Browser().get("/health/ready", "Authorization", "Bearer not-the-metrics-token");
    assertEquals("{\"status\":\"UP\"}", wrongToken.body());

    HttpResponse<String> ready =
        new Browser()
            .get("/health/ready", "Authorization", "Bearer it-metrics-scrape-token-0123456789");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(
        ready.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(
        ready
            .body()
            .startsWith(
                "{\"status\":\"UP\",\"checks\":{\"database\":{\"status\":\"UP\"},"
                    + "\"migrations\":{\"status\":\"UP\",\"version\":\""),
        ready.body());
    assertTrue(ready.body().contains("\"pending\":\"0\""), ready.body());
    assertTrue(
        ready.body().contains("\"configuration\":{\"status\":\"UP\",\"mode\":\"sandbox\""),
        ready.body());
    assertFalse(
        ready.body().contains("livestormTokenHost"), "sandbox mode resolves no Livestorm host");
    assertEquals(
        "{\"status\":\"UP\"}", new Browser().get("/health").body(), "/health is unchanged");
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() {
    for (String path : List.of("/", "/login", "/signup", "/no-such-page", "/static/app.css")) {
      HttpResponse<String> response = new Browser().get(path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
      assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
      assertEquals(
          "no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null), path);
      assertEquals(
          "nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
    }
  }

  @Test
  void landingPageShowsTheSandboxBadgeAndTheWayIn() {
    HttpResponse<String> response = new Browser().get("/");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("badge-sandbox"));
    assertTrue(response.body().contains("href=\"/signup\""));
  }

  @Test
  void signUpSignsInAndLandsOnTheDashboard() {
    Browser browser = new Browser();
    String username = unique("ada");
    HttpResponse<String> signUp = browser.signUp(username, PASSWORD);
    assertEquals(303, signUp.statusCode());
    assertEquals("/dashboard", signUp.headers().firstValue("Location").orElse(null));
    HttpResponse<String> dashboard = browser.get("/dashboard");
    assertEquals(200, dashboard.statusCode());
    assertTrue(dashboard.body().contains(username));
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteLax() {
    HttpResponse<String> response = new Browser().get("/login");
    String cookie =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("LSCSESSION="))
            .findFirst()
            .orElse("");
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    assertFalse(response.body().contains("LSCSESSION"), "session id must never be in a page");
  }

  @Test
  void usernamesAreUniqueWhateverTheirCase() {
    String username = unique("Grace");
    assertEquals(303, new Browser().signUp(username, PASSWORD).statusCode());
    HttpResponse<String> again = new Browser().signUp(username.toUpperCase(), PASSWORD);
    assertEquals(409, again.statusCode());
    assertTrue(again.body().contains("already taken"));
    assertTrue(again.body().contains(username.toUpperCase()), "the typed username is kept");
  }

  @Test
  void shortPasswordIsRefusedAndCreatesNothing() {
    String username = unique("short");
    HttpResponse<String> response = new Browser().signUp(username, "123456789");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("at least 10 characters"));
    Browser other = new Browser();
    other.get("/login");
    assertEquals(
        401,
        other.post("/login", Map.of("username", username, "password", "123456789")).statusCode());
  }

  @Test
  void postWithoutCsrfTokenIsRefusedAndChangesNothing() {
    Browser browser = new Browser();
    browser.get("/signup");
    String username = unique("nocsrf");
    HttpResponse<String> forged =
        browser.postRaw("/signup", Map.of("username", username, "password", PASSWORD));
    assertEquals(403, forged.statusCode());
    assertTrue(forged.body().contains("nothing was changed"));
    HttpResponse<String> wrong =
        browser.postRaw(
            "/signup", Map.of("username", username, "password", PASSWORD, "_csrf", "forged-token"));
    assertEquals(403, wrong.statusCode());
    // The name is still free: nothing was created by the refused posts.
    assertEquals(303, new Browser().signUp(username, PASSWORD).statusCode());
  }

  @Test
  void signInChangesTheSessionIdAndSignOutEndsIt() {
    String username = unique("lin");
    new Browser().signUp(username, PASSWORD);
    Browser browser = new Browser();
    browser.get("/login");
    String before = sessionId(browser);
    HttpResponse<String> wrong =
        browser.post("/login", Map.of("username", username, "password", "wrong password!"));
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("Wrong username or password"));
    HttpResponse<String> signIn =
        browser.post("/login", Map.of("username", username.toUpperCase(), "password", PASSWORD));
    assertEquals(303, signIn.statusCode());
    assertEquals("/dashboard", signIn.headers().firstValue("Location").orElse(null));
    assertNotNull(before);
    assertNotEquals(before, sessionId(browser));
    assertEquals(200, browser.get("/dashboard").statusCode());
    assertEquals(303, browser.post("/logout", Map.of()).statusCode());
    assertEquals(302, browser.get("/dashboard").statusCode());
  }

  @Test
  void signingInAsSomeoneElseReplacesThePreviousUser() {
    String alice = unique("alice");
    String bob = unique("bob");
    new Browser().signUp(bob, PASSWORD);
    Browser shared = new Browser();
    shared.signUp(alice, PASSWORD);
    shared.get("/dashboard");
    assertEquals(
        303, shared.post("/login", Map.of("username", bob, "password", PASSWORD)).statusCode());
    String dashboard = shared.get("/dashboard").body();
    assertTrue(dashboard.contains(bob), dashboard);
    assertFalse(dashboard.contains(alice), dashboard);
  }

  @Test
  void protectedPagesSendVisitorsToSignInAndBackAfterwards() {
    String username = unique("back");
    new Browser().signUp(username, PASSWORD);
    Browser browser = new Browser();
    HttpResponse<String> response = browser.get("/connection?from=test");
    assertEquals(302, response.statusCode());
    assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/login"));
    browser.get("/login");
    HttpResponse<String> signIn =
        browser.post("/login", Map.of("username", username, "password", PASSWORD));
    assertEquals(303, signIn.statusCode());
    assertEquals("/connection?from=test", signIn.headers().firstValue("Location").orElse(null));
  }

  @Test
  void aSignedInUserKeepsTheirRoleOnEveryRequest() {
    Browser browser = new Browser();
    browser.signUp(unique("steady"), PASSWORD);
    for (int i = 0; i < 40; i++) {
      assertEquals(200, browser.get("/dashboard").statusCode(), "request " + i);
      assertEquals(200, browser.get("/connection").statusCode(), "request " + i);
    }
  }

  @Test
  void repeatedFailedSignInsAreSlowedDown() {
    String username = unique("target");
    new Browser().signUp(username, PASSWORD);
    Browser attacker = new Browser();
    attacker.get("/login");
    for (int i = 0; i < 5; i++) {
      assertEquals(
          401,
          attacker
              .post("/login", Map.of("username", username, "password", "guess number " + i))
              .statusCode());
    }
    HttpResponse<String> blocked =
        attacker.post("/login", Map.of("username", username, "password", PASSWORD));
    assertEquals(429, blocked.statusCode());
    assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
    assertTrue(blocked.body().contains("Too many failed sign-ins"));
  }

  @Test
  void adminPagesAreRefusedToPlainUsers() {
    Browser user = new Browser();
    user.signUp(unique("plain"), PASSWORD);
    assertEquals(403, user.get("/admin").statusCode());

    Browser admin = new Browser();
    admin.signUp("it-admin", PASSWORD);
    admin.get("/login");
    admin.post("/login", Map.of("username", "it-admin", "password", PASSWORD));
    HttpResponse<String> page = admin.get("/admin");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("SANDBOX"));
  }

  @Test
  void errorPagesUseTheLayoutAndRevealNothing() {
    HttpResponse<String> response = new Browser().get("/no-such-page");
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("This page does not exist"));
    assertTrue(response.body().contains("Livestorm Connect"));
    assertFalse(response.body().toLowerCase().contains("payara"));
    assertFalse(response.body().contains("Exception"));
    assertTrue(response.headers().firstValue("Server").isEmpty(), "no server banner");
    assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), "no server banner");
  }

  @Test
  void pagesAreTranslatedToFrenchForFrenchBrowsers() {
    HttpResponse<String> response =
        new Browser().get("/login", "Accept-Language", "fr-FR,fr;q=0.9");
    assertTrue(response.body().contains("Mot de passe"), response.body());
    assertTrue(response.body().contains("lang=\"fr\""));
  }

  @Test
  void httpsBehindAProxyGetsStrictTransportSecurityAndASecureSessionCookie() {
    HttpResponse<String> response = new Browser().get("/login", "X-Forwarded-Proto", "https");
    assertTrue(response.headers().firstValue("Strict-Transport-Security").isPresent());
    String cookie =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("LSCSESSION="))
            .findFirst()
            .orElse("");
    assertTrue(cookie.contains("Secure"), cookie);
    String plain =
        new Browser()
            .get("/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("LSCSESSION="))
                .findFirst()
                .orElse("");
    assertFalse(
        plain.contains("Secure"), "plain HTTP keeps a cookie the browser can send back: " + plain);
  }

  private static String sessionId(Browser browser) {
    return browser.cookies().getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("LSCSESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }
}
