package com.livestormconnect.sandbox;

import static com.livestormconnect.sandbox.OAuthDance.CLIENT_ID;
import static com.livestormconnect.sandbox.OAuthDance.SECRET;
import static com.livestormconnect.sandbox.OAuthDance.json;
import static com.livestormconnect.sandbox.OAuthDance.location;
import static com.livestormconnect.sandbox.OAuthDance.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxConsent;
import com.livestormconnect.SandboxControl;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sandbox's OAuth server behaves like Livestorm's Doorkeeper, seen over HTTP. */
@ExtendWith(ArquillianExtension.class)
class SandboxOAuthIT {
  private static final String VERIFIER =
      "a-verifier-that-is-long-enough-to-be-a-real-pkce-verifier-0123";

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(SandboxOAuthIT.class, OAuthDance.class);
  }

  private static OAuthDance dance() {
    return new OAuthDance(new Browser());
  }

  private static SandboxControl control() {
    return new SandboxControl(new Browser().base());
  }

  private static final java.util.regex.Pattern SHOWN_ERROR =
      java.util.regex.Pattern.compile("class=\"error-code\"><code>([a-z_]+)</code>");

  /**
   * The error code of an authorization answer, whether shown on the sandbox's page (Doorkeeper's
   * default, handle_auth_errors = :render) or redirected (the other variant).
   */
  private static String authorizationError(HttpResponse<String> response) {
    if (response.statusCode() == 302) {
      return query(location(response)).get("error");
    }
    assertEquals(400, response.statusCode(), response.body());
    java.util.regex.Matcher m = SHOWN_ERROR.matcher(response.body());
    assertTrue(m.find(), response.body());
    return m.group(1);
  }

  // --- authorize -------------------------------------------------------------------------------

  @Test
  @RunAsClient
  void consentPageNamesTheAppAndEachRequestedScopeInPlainWords() {
    HttpResponse<String> page = dance().consentPage("events:read webhooks:write", Map.of());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Livestorm Connect"));
    assertTrue(
        page.body().contains("See your events and sessions, who registered and who attended"));
    assertTrue(page.body().contains("Create and delete webhooks"));
    assertTrue(page.body().contains(">Approve<") && page.body().contains(">Deny<"));
    assertFalse(
        page.body().contains("<script") || page.body().contains("style="), "CSP: nothing inline");
  }

  @Test
  @RunAsClient
  void unknownClientIsShownOnThePageNeverRedirected() {
    HttpResponse<String> page =
        dance().consentPage("events:read", Map.of("client_id", "someone-else"));
    assertEquals(400, page.statusCode());
    assertTrue(page.headers().firstValue("Location").isEmpty());
    assertTrue(page.body().contains("invalid_client"));
  }

  @Test
  @RunAsClient
  void missingClientIdIsShownOnThePage() {
    Map<String, String> noClient = new java.util.HashMap<>();
    noClient.put("client_id", null);
    HttpResponse<String> page = dance().consentPage("events:read", noClient);
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("Missing required parameter: client_id."));
  }

  @Test
  @RunAsClient
  void unregisteredRedirectUriIsShownOnThePageNeverRedirected() {
    HttpResponse<String> page =
        dance()
            .consentPage("events:read", Map.of("redirect_uri", "https://attacker.example/steal"));
    assertEquals(400, page.statusCode());
    assertTrue(page.headers().firstValue("Location").isEmpty());
    assertTrue(page.body().contains("invalid_redirect_uri"));
    assertFalse(page.body().contains("attacker.example"));
  }

  @Test
  @RunAsClient
  void checksRunInDoorkeepersOrder() {
    OAuthDance dance = dance();
    assertTrue(
        dance
            .consentPage("nonsense", Map.of("client_id", "x", "redirect_uri", "https://x.example"))
            .body()
            .contains("invalid_client"));
    assertTrue(
        dance
            .consentPage("nonsense", Map.of("redirect_uri", "https://x.example"))
            .body()
            .contains("invalid_redirect_uri"));
    HttpResponse<String> missingType =
        dance.consentPage(
            "nonsense",
            Map.of("response_type", "", "code_challenge", "c", "code_challenge_method", "md5"));
    assertEquals("invalid_request", authorizationError(missingType));
    assertTrue(missingType.body().contains("Missing required parameter: response_type."));
    HttpResponse<String> tokenType =
        dance.consentPage("nonsense", Map.of("response_type", "token"));
    assertEquals("unsupported_response_type", authorizationError(tokenType));
    HttpResponse<String> scopeFirst =
        dance.consentPage(
            "nonsense", Map.of("code_challenge", "c", "code_challenge_method", "md5"));
    assertEquals("invalid_scope", authorizationError(scopeFirst));
  }

  @Test
  @RunAsClient
  void authorizationErrorsAreShownOnTheSandboxsPageLikeDoorkeepersDefault() {
    OAuthDance dance = dance();
    HttpResponse<String> response = dance.consentPage("events:read calendar:read", Map.of());
    assertEquals(400, response.statusCode());
    assertTrue(response.headers().firstValue("Location").isEmpty(), "never back to the app");
    assertEquals("invalid_scope", authorizationError(response));
    assertTrue(response.body().contains("The requested scope is invalid, unknown, or malformed."));
  }

  @Test
  @RunAsClient
  void underTheRedirectVariantAnUnknownScopeIsRedirectedAsInvalidScopeWithTheState() {
    OAuthDance dance = dance();
    control().variants(Map.of("authorize_errors", "redirect"));
    try {
      HttpResponse<String> response = dance.consentPage("events:read calendar:read", Map.of());
      assertEquals(302, response.statusCode());
      String location = location(response);
      assertTrue(location.startsWith(dance.redirectUri + "?"), location);
      Map<String, String> query = query(location);
      assertEquals("invalid_scope", query.get("error"));
      assertEquals(
          "The requested scope is invalid, unknown, or malformed.", query.get("error_description"));
      assertEquals("st-123", query.get("state"));
    } finally {
      control().resetVariants();
    }
  }

  @Test
  @RunAsClient
  void theDerivedRegistrationIsValidAndAScopeOutsideItIsInvalidScope() {
    OAuthDance dance = dance();
    // The default registration is the eight individual scopes (all ten would break the rules).
    for (String refused : List.of("full:write", "full:read events:write", "full:read")) {
      assertEquals(
          "invalid_scope", authorizationError(dance.consentPage(refused, Map.of())), refused);
    }
    for (String allowed :
        List.of(
            "identity:read admin:read", "events:write webhooks:write identity:write admin:write")) {
      assertEquals(200, dance.consentPage(allowed, Map.of()).statusCode(), allowed);
    }
  }

  @Test
  @RunAsClient
  void unsupportedCodeChallengeMethodIsRedirected() {
    control().variants(Map.of("authorize_errors", "redirect"));
    try {
      HttpResponse<String> response =
          dance()
              .consentPage(
                  "events:read", Map.of("code_challenge", "abc", "code_challenge_method", "S512"));
      Map<String, String> query = query(location(response));
      assertEquals("invalid_code_challenge_method", query.get("error"));
      assertEquals("st-123", query.get("state"));
    } finally {
      control().resetVariants();
    }
    assertEquals(
        "invalid_code_challenge_method",
        authorizationError(
            dance()
                .consentPage(
                    "events:read",
                    Map.of("code_challenge", "abc", "code_challenge_method", "S512"))));
  }

  @Test
  @RunAsClient
  void denyRedirectsWithAccessDeniedAndTheState() {
    OAuthDance dance = dance();
    HttpResponse<String> denied = dance.decide(dance.consentPage("events:read", Map.of()), "deny");
    assertEquals(302, denied.statusCode());
    Map<String, String> query = query(location(denied));
    assertEquals("access_denied", query.get("error"));
    assertEquals("st-123", query.get("state"));
    assertFalse(query.containsKey("code"));
  }

  @Test
  @RunAsClient
  void consentPostWithoutItsFormTokenIsRefused() {
    OAuthDance dance = dance();
    HttpResponse<String> page = dance.consentPage("events:read", Map.of());
    HttpResponse<String> forged =
        dance.browser.postRaw(
            "/sandbox/oauth/authorize", Map.of("consent_token", "forged", "decision", "approve"));
    assertEquals(403, forged.statusCode());
    assertTrue(forged.headers().firstValue("Location").isEmpty());
    // Another browser (another session) cannot use this page's token either.
    HttpResponse<String> stolen =
        new Browser()
            .postRaw(
                "/sandbox/oauth/authorize",
                Map.of("consent_token", SandboxConsent.token(page), "decision", "approve"));
    assertEquals(403, stolen.statusCode());
    assertEquals(302, dance.decide(page, "approve").statusCode());
  }

  @Test
  @RunAsClient
  void approvalRedirectsWithCodeAndState() {
    OAuthDance dance = dance();
    String code = dance.code("events:read", Map.of());
    assertTrue(code.length() >= 32);
  }

  // --- token -----------------------------------------------------------------------------------

  @Test
  @RunAsClient
  void tokenResponseHasExactlyLivestormsShapeAndIsNotCached() {
    OAuthDance dance = dance();
    HttpResponse<String> response =
        dance.exchange(dance.code("events:read identity:read", Map.of()));
    assertEquals(200, response.statusCode(), response.body());
    Map<String, Object> body = json(response);
    assertEquals(
        Set.of("access_token", "token_type", "expires_in", "refresh_token", "scope", "created_at"),
        body.keySet());
    assertEquals("Bearer", body.get("token_type"));
    assertEquals(7200L, ((Number) body.get("expires_in")).longValue());
    assertEquals("events:read identity:read", body.get("scope"));
    long createdAt = ((Number) body.get("created_at")).longValue();
    assertTrue(Math.abs(createdAt - System.currentTimeMillis() / 1000) < 120);
    assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(null));
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  @RunAsClient
  void missingGrantTypeIsInvalidRequest() {
    HttpResponse<String> response =
        dance().token(Map.of("code", "x", "client_id", CLIENT_ID, "client_secret", SECRET));
    assertOAuthError(400, "invalid_request", response);
    assertEquals(
        "Missing required parameter: grant_type.", json(response).get("error_description"));
  }

  @Test
  @RunAsClient
  void unknownGrantTypeIsUnsupported() {
    HttpResponse<String> response =
        dance()
            .token(
                Map.of(
                    "grant_type",
                    "password",
                    "username",
                    "a",
                    "password",
                    "b",
                    "client_id",
                    CLIENT_ID,
                    "client_secret",
                    SECRET));
    assertOAuthError(400, "unsupported_grant_type", response);
  }

  @Test
  @RunAsClient
  void missingCodeIsInvalidRequestNamingIt() {
    OAuthDance dance = dance();
    HttpResponse<String> response =
        dance.token(
            Map.of(
                "grant_type",
                "authorization_code",
                "redirect_uri",
                dance.redirectUri,
                "client_id",
                CLIENT_ID,
                "client_secret",
                SECRET));
    assertOAuthError(400, "invalid_request", response);
    assertEquals("Missing required parameter: code.", json(response).get("error_description"));
  }

  @Test
  @RunAsClient
  void missingRedirectUriIsInvalidRequest() {
    OAuthDance dance = dance();
    HttpResponse<String> response =
        dance.token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                dance.code("events:read", Map.of()),
                "client_id",
                CLIENT_ID,
                "client_secret",
                SECRET));
    assertOAuthError(400, "invalid_request", response);
    assertEquals(
        "Missing required parameter: redirect_uri.", json(response).get("error_description"));
  }

  @Test
  @RunAsClient
  void wrongClientSecretIs401InvalidClientWithWwwAuthenticate() {
    OAuthDance dance = dance();
    HttpResponse<String> response =
        dance.token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                dance.code("events:read", Map.of()),
                "redirect_uri",
                dance.redirectUri,
                "client_id",
                CLIENT_ID,
                "client_secret",
                "wrong"));
    assertOAuthError(401, "invalid_client", response);
    String header = response.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(
        header.startsWith(
            "Bearer realm=\"Doorkeeper\", error=\"invalid_client\", error_description=\""),
        header);
  }

  @Test
  @RunAsClient
  void clientMayAuthenticateWithHttpBasic() {
    OAuthDance dance = dance();
    String code = dance.code("events:read", Map.of());
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        OAuthDance.send(
            dance
                .request("/sandbox/oauth/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code&code="
                            + OAuthDance.enc(code)
                            + "&redirect_uri="
                            + OAuthDance.enc(dance.redirectUri)))
                .build());
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  @RunAsClient
  void unknownCodeIsInvalidGrant() {
    assertOAuthError(400, "invalid_grant", dance().exchange("no-such-code"));
  }

  @Test
  @RunAsClient
  void redirectUriDifferentFromAuthorizeIsInvalidGrant() {
    OAuthDance dance = dance();
    HttpResponse<String> response =
        dance.token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                dance.code("events:read", Map.of()),
                "redirect_uri",
                dance.redirectUri + "/other",
                "client_id",
                CLIENT_ID,
                "client_secret",
                SECRET));
    assertOAuthError(400, "invalid_grant", response);
  }

  @Test
  @RunAsClient
  void s256VerifierIsChecked() throws Exception {
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
    Map<String, String> pkce = Map.of("code_challenge", challenge, "code_challenge_method", "S256");
    OAuthDance dance = dance();
    assertOAuthError(
        400,
        "invalid_grant",
        exchangeWithVerifier(dance, dance.code("events:read", pkce), VERIFIER + "x"));
    assertEquals(
        200, exchangeWithVerifier(dance, dance.code("events:read", pkce), VERIFIER).statusCode());
  }

  @Test
  @RunAsClient
  void plainVerifierIsChecked() {
    Map<String, String> pkce = Map.of("code_challenge", VERIFIER, "code_challenge_method", "plain");
    OAuthDance dance = dance();
    assertOAuthError(
        400,
        "invalid_grant",
        exchangeWithVerifier(dance, dance.code("events:read", pkce), "other"));
    assertEquals(
        200, exchangeWithVerifier(dance, dance.code("events:read", pkce), VERIFIER).statusCode());
  }

  @Test
  @RunAsClient
  void missingVerifierForAChallengedCodeIsInvalidRequest() {
    OAuthDance dance = dance();
    String code =
        dance.code(
            "events:read", Map.of("code_challenge", VERIFIER, "code_challenge_method", "plain"));
    HttpResponse<String> response = dance.exchange(code);
    assertOAuthError(400, "invalid_request", response);
    assertEquals(
        "Missing required parameter: code_verifier.", json(response).get("error_description"));
  }

  @Test
  @RunAsClient
  void codeIsSingleUse() {
    OAuthDance dance = dance();
    String code = dance.code("events:read", Map.of());
    assertEquals(200, dance.exchange(code).statusCode());
    assertOAuthError(400, "invalid_grant", dance.exchange(code));
  }

  @Test
  @RunAsClient
  void codeExpiresAfterTenMinutes() {
    OAuthDance dance = dance();
    String code = dance.code("events:read", Map.of());
    // Moving the sandbox clock forward is safe for other tests: each makes its own fresh codes.
    new SandboxControl(dance.browser.base()).advanceClock(601);
    assertOAuthError(400, "invalid_grant", dance.exchange(code));
  }

  @Test
  @RunAsClient
  void refreshIssuesANewPairWithTheSameScope() {
    OAuthDance dance = dance();
    Map<String, Object> first = dance.tokens("events:read webhooks:read");
    HttpResponse<String> response = dance.refresh((String) first.get("refresh_token"));
    assertEquals(200, response.statusCode(), response.body());
    Map<String, Object> second = json(response);
    assertNotEquals(first.get("access_token"), second.get("access_token"));
    assertNotEquals(first.get("refresh_token"), second.get("refresh_token"));
    assertEquals("events:read webhooks:read", second.get("scope"));
  }

  @Test
  @RunAsClient
  void refreshWithoutOrWithWrongClientCredentialsIsRefused() {
    OAuthDance dance = dance();
    String refresh = (String) dance.tokens("events:read").get("refresh_token");
    assertOAuthError(
        400,
        "invalid_grant",
        dance.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh)));
    assertOAuthError(
        401,
        "invalid_client",
        dance.token(
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                refresh,
                "client_id",
                CLIENT_ID,
                "client_secret",
                "nope")));
    assertOAuthError(
        400,
        "invalid_request",
        dance.token(
            Map.of(
                "grant_type", "refresh_token", "client_id", CLIENT_ID, "client_secret", SECRET)));
  }

  @Test
  @RunAsClient
  void refreshCannotWidenTheScope() {
    OAuthDance dance = dance();
    String refresh = (String) dance.tokens("events:read").get("refresh_token");
    assertOAuthError(
        400,
        "invalid_scope",
        dance.token(
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                refresh,
                "scope",
                "events:read events:write",
                "client_id",
                CLIENT_ID,
                "client_secret",
                SECRET)));
  }

  // --- revoke ----------------------------------------------------------------------------------

  @Test
  @RunAsClient
  void revokingAnAccessTokenAlsoKillsItsRefreshToken() {
    OAuthDance dance = dance();
    Map<String, Object> tokens = dance.tokens("events:read");
    HttpResponse<String> revoked =
        dance.browser.postRaw(
            "/sandbox/oauth/revoke",
            Map.of(
                "token",
                (String) tokens.get("access_token"),
                "client_id",
                CLIENT_ID,
                "client_secret",
                SECRET));
    assertEquals(200, revoked.statusCode());
    assertEquals("{}", revoked.body());
    assertOAuthError(400, "invalid_grant", dance.refresh((String) tokens.get("refresh_token")));
  }

  @Test
  @RunAsClient
  void revocationNeedsTheClientEvenForAnUnknownTokenAndHonoursTheHint() {
    OAuthDance dance = dance();
    HttpResponse<String> noClient =
        dance.browser.postRaw("/sandbox/oauth/revoke", Map.of("token", "unknown"));
    assertEquals(403, noClient.statusCode());
    assertEquals("unauthorized_client", json(noClient).get("error"));
    assertEquals(
        200,
        dance
            .browser
            .postRaw(
                "/sandbox/oauth/revoke",
                Map.of("token", "unknown", "client_id", CLIENT_ID, "client_secret", SECRET))
            .statusCode());
    Map<String, Object> hinted = dance.tokens("events:read");
    // An access token with the refresh_token hint is looked for among refresh tokens only.
    assertEquals(
        200,
        dance
            .browser
            .postRaw(
                "/sandbox/oauth/revoke",
                Map.of(
                    "token",
                    (String) hinted.get("access_token"),
                    "token_type_hint",
                    "refresh_token",
                    "client_id",
                    CLIENT_ID,
                    "client_secret",
                    SECRET))
            .statusCode());
    assertEquals(
        200, dance.refresh((String) hinted.get("refresh_token")).statusCode(), "not revoked");
    Map<String, Object> tokens = dance.tokens("events:read");
    HttpResponse<String> anonymous =
        dance.browser.postRaw(
            "/sandbox/oauth/revoke",
            Map.of(
                "token", (String) tokens.get("refresh_token"), "token_type_hint", "refresh_token"));
    assertEquals(403, anonymous.statusCode());
    assertEquals("unauthorized_client", json(anonymous).get("error"));
    assertEquals(
        200, dance.refresh((String) tokens.get("refresh_token")).statusCode(), "still valid");
  }

  // --- production mode -------------------------------------------------------------------------

  /**
   * Runs inside the server: switches the JVM to production mode (the sandbox reads the mode on
   * every request), checks that every sandbox path is gone, and switches back.
   */
  @Test
  void productionModeHidesEverySandboxPath() {
    Browser browser = new Browser(URI.create(System.getProperty("APP_BASE_URL")));
    String before = System.getProperty("LIVESTORM_MODE");
    System.setProperty("LIVESTORM_MODE", "production");
    try {
      for (String path :
          List.of(
              "/sandbox/oauth/authorize?client_id=" + CLIENT_ID,
              "/sandbox/api/v1/ping",
              "/sandbox/control/stats",
              "/sandbox/sandbox.css",
              "/sandbox/",
              "/sandbox/anything")) {
        assertEquals(404, browser.get(path).statusCode(), "GET " + path);
      }
      for (String path :
          List.of(
              "/sandbox/oauth/token",
              "/sandbox/oauth/revoke",
              "/sandbox/oauth/authorize",
              "/sandbox/control/faults",
              "/sandbox/api/v1/events")) {
        assertEquals(
            404,
            browser.postRaw(path, Map.of("grant_type", "authorization_code")).statusCode(),
            "POST " + path);
      }
      assertEquals(
          404,
          OAuthDance.send(
                  new OAuthDance(browser).request("/sandbox/api/v1/events/x").DELETE().build())
              .statusCode());
    } finally {
      if (before == null) {
        System.clearProperty("LIVESTORM_MODE");
      } else {
        System.setProperty("LIVESTORM_MODE", before);
      }
    }
    assertEquals(200, browser.get("/sandbox/sandbox.css").statusCode(), "back in sandbox mode");
  }

  private static HttpResponse<String> exchangeWithVerifier(
      OAuthDance dance, String code, String verifier) {
    return dance.token(
        Map.of(
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            dance.redirectUri,
            "client_id",
            CLIENT_ID,
            "client_secret",
            SECRET,
            "code_verifier",
            verifier));
  }

  private static void assertOAuthError(int status, String error, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(error, json(response).get("error"), response.body());
    assertTrue(json(response).containsKey("error_description"));
    String header = response.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(header.contains("error=\"" + error + "\""), header);
    assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
  }
}
