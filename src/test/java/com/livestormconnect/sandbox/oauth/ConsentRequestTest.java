package com.livestormconnect.sandbox.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.livestormconnect.sandbox.SandboxSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsentRequestTest {
  private static final SandboxSettings SETTINGS =
      new SandboxSettings(
          true, "http://app", "http://app/connect/callback", SandboxSettings.ALL_SCOPES, 7200);

  private static ConsentRequest.Verdict check(Map<String, String> overrides) {
    Map<String, String> params =
        new HashMap<>(
            Map.of(
                "client_id",
                SandboxSettings.CLIENT_ID,
                "redirect_uri",
                "http://app/connect/callback",
                "response_type",
                "code",
                "scope",
                "events:read",
                "state",
                "s 1"));
    params.putAll(overrides);
    return ConsentRequest.check(params::get, SETTINGS);
  }

  @Test
  void validRequestAsksTheUser() {
    ConsentRequest.Ask ask = assertInstanceOf(ConsentRequest.Ask.class, check(Map.of()));
    assertEquals(List.of("events:read"), ask.request().scopes());
    assertEquals(
        "http://app/connect/callback?code=abc&state=s+1", ask.request().approvedWith("abc"));
  }

  @Test
  void clientAndRedirectUriErrorsAreShownNotRedirected() {
    assertEquals(
        "invalid_client",
        assertInstanceOf(
                ConsentRequest.Show.class,
                check(Map.of("client_id", "other", "redirect_uri", "http://evil")))
            .error()
            .code());
    assertEquals(
        "invalid_redirect_uri",
        assertInstanceOf(
                ConsentRequest.Show.class,
                check(Map.of("redirect_uri", "http://app/connect/callback/")))
            .error()
            .code());
  }

  @Test
  void laterErrorsGoBackToTheRedirectUriWithTheState() {
    ConsentRequest.Redirect redirect =
        assertInstanceOf(
            ConsentRequest.Redirect.class, check(Map.of("scope", "full:write events:read")));
    assertEquals(
        "http://app/connect/callback?error=invalid_scope&error_description=The+requested+scope"
            + "+is+invalid%2C+unknown%2C+or+malformed.&state=s+1",
        redirect.location());
  }

  @Test
  void challengeWithoutMethodIsAnInvalidMethod() {
    ConsentRequest.Redirect redirect =
        assertInstanceOf(ConsentRequest.Redirect.class, check(Map.of("code_challenge", "abc")));
    assertEquals(true, redirect.location().contains("error=invalid_code_challenge_method"));
  }
}
