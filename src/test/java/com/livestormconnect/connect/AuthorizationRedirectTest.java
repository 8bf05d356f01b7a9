package com.livestormconnect.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.config.Settings;
import com.livestormconnect.livestorm.ScopeSelection;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationRedirectTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static AuthorizationRedirect redirect() {
    AuthorizationRedirect redirect = new AuthorizationRedirect();
    redirect.settings =
        Settings.parse(Map.of("APP_BASE_URL", "http://127.0.0.1:8080")::get).livestorm();
    redirect.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return redirect;
  }

  @Test
  void sendsTheBrowserWithPkceS256AndKeepsTheVerifierOnTheServer() {
    PendingAuthorizations pending = new PendingAuthorizations();
    URI uri =
        redirect().start(ScopeSelection.of(List.of("events:read", "identity:read")), 42, pending);
    assertTrue(
        uri.toString().startsWith("http://127.0.0.1:8080/sandbox/oauth/authorize?"),
        uri.toString());
    Map<String, List<String>> query = URLUtils.parseParameters(uri.getRawQuery());
    assertEquals(List.of("code"), query.get("response_type"));
    assertEquals(List.of("livestorm-connect-sandbox"), query.get("client_id"));
    assertEquals(List.of("http://127.0.0.1:8080/connect/callback"), query.get("redirect_uri"));
    assertEquals(List.of("identity:read events:read"), query.get("scope"));
    assertEquals(List.of("S256"), query.get("code_challenge_method"));
    assertFalse(query.containsKey("code_verifier"));
    assertFalse(query.containsKey("client_secret"));

    String state = query.get("state").get(0);
    PendingAuthorization stored = pending.claim(state, 42, NOW).pending();
    assertEquals(
        CodeChallenge.compute(CodeChallengeMethod.S256, stored.verifier()).getValue(),
        query.get("code_challenge").get(0));
    assertFalse(uri.toString().contains(stored.verifier().getValue()));
    assertTrue(stored.verifier().getValue().length() >= 43);
    assertEquals(new Issuer("http://127.0.0.1:8080/sandbox"), stored.expectedIssuer());
  }

  @Test
  void everyAttemptGetsItsOwnStateAndVerifier() {
    PendingAuthorizations pending = new PendingAuthorizations();
    URI first = redirect().start(ScopeSelection.of(List.of("events:read")), 1, pending);
    URI second = redirect().start(ScopeSelection.of(List.of("events:read")), 1, pending);
    Map<String, List<String>> a = URLUtils.parseParameters(first.getRawQuery());
    Map<String, List<String>> b = URLUtils.parseParameters(second.getRawQuery());
    assertFalse(a.get("state").equals(b.get("state")));
    assertFalse(a.get("code_challenge").equals(b.get("code_challenge")));
    assertEquals(2, pending.size());
  }
}
