package com.livestormconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's consent page answered as a user answers it: the page's one-time form token posted
 * back with the decision. Every test that goes through the sandbox's authorization walks it here,
 * so that a change to the consent form is made once.
 */
public final class SandboxConsent {
  private static final Pattern FORM_TOKEN =
      Pattern.compile("name=\"consent_token\" value=\"([^\"]+)\"");

  private SandboxConsent() {}

  /** The consent page's form token. */
  public static String token(HttpResponse<String> consentPage) {
    Matcher token = FORM_TOKEN.matcher(consentPage.body());
    assertTrue(token.find(), "consent page has a form token: " + consentPage.body());
    return token.group(1);
  }

  /**
   * Posts {@code decision} ({@code approve} or {@code deny}) on this consent page, as its form
   * does; returns the sandbox's answer (a redirect to the client when the request was valid).
   */
  public static HttpResponse<String> answer(
      Browser browser, HttpResponse<String> consentPage, String decision) {
    return browser.postRaw(
        "/sandbox/oauth/authorize",
        Map.of("consent_token", token(consentPage), "decision", decision));
  }

  /**
   * Opens the sandbox's authorize URL, approves, and returns where the sandbox sends the browser
   * (the client's redirect URI with the code and the state), not yet visited.
   */
  public static String approve(Browser browser, String authorizeUrl) {
    HttpResponse<String> page = browser.get(authorizeUrl);
    assertEquals(200, page.statusCode(), page.body());
    HttpResponse<String> approved = answer(browser, page, "approve");
    assertEquals(302, approved.statusCode(), approved.body());
    return approved
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new AssertionError("the approval redirects nowhere"));
  }
}
