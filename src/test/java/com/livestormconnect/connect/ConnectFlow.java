package com.livestormconnect.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.Browser;
import com.livestormconnect.SandboxConsent;
import com.livestormconnect.SandboxControl;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One user of the app in one browser, walking the connect flow against the sandbox. */
public final class ConnectFlow {
  public static final String PASSWORD = "correct horse battery";

  public final Browser browser;
  public final String username;

  private ConnectFlow(Browser browser, String username) {
    this.browser = browser;
    this.username = username;
  }

  public static ConnectFlow signedUp(URI base, String prefix) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Browser browser = new Browser(base);
    assertEquals(303, browser.signUp(username, PASSWORD).statusCode());
    return new ConnectFlow(browser, username);
  }

  /** POST /connect with these scopes (the page is loaded first, as a user would). */
  HttpResponse<String> start(String... scopes) {
    browser.get("/connect");
    return browser.post("/connect", Arrays.stream(scopes).map(s -> Map.entry("scope", s)).toList());
  }

  /** Starts, checks the redirect to the sandbox, and returns the sandbox's consent page. */
  HttpResponse<String> consentPage(String... scopes) {
    HttpResponse<String> started = start(scopes);
    assertEquals(303, started.statusCode(), started.body());
    HttpResponse<String> page = browser.get(location(started));
    assertEquals(200, page.statusCode(), page.body());
    return page;
  }

  /** Answers the consent page; returns the callback URL the sandbox sends the browser to. */
  String decide(HttpResponse<String> consentPage, String decision) {
    HttpResponse<String> answered = SandboxConsent.answer(browser, consentPage, decision);
    assertEquals(302, answered.statusCode(), answered.body());
    return location(answered);
  }

  /** The callback URL of an approved authorization for these scopes, not yet visited. */
  public String approvedCallback(String... scopes) {
    return decide(consentPage(scopes), "approve");
  }

  /** Connects all the way and checks we land on the dashboard. */
  public void connect(String... scopes) {
    HttpResponse<String> callback = browser.get(approvedCallback(scopes));
    assertEquals(303, callback.statusCode(), callback.body());
    assertEquals("/dashboard", location(callback));
  }

  public static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(
            () ->
                new AssertionError(
                    "no Location; HTTP " + response.statusCode() + ": " + response.body()));
  }

  public static Map<String, String> query(String url) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = URI.create(url).getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  /** The callback URL with one query parameter replaced. */
  static String withParameter(String url, String name, String value) {
    Map<String, String> query = query(url);
    query.put(name, value);
    StringBuilder out = new StringBuilder(url.substring(0, url.indexOf('?') + 1));
    query.forEach((k, v) -> out.append(enc(k)).append('=').append(enc(v)).append('&'));
    return out.substring(0, out.length() - 1);
  }

  static String enc(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** How many authorization_code token requests the sandbox has seen. */
  long codeExchanges() {
    @SuppressWarnings("unchecked")
    Map<String, Object> grants = (Map<String, Object>) stats().get("token_requests");
    return ((Number) grants.get("authorization_code")).longValue();
  }

  /** How many API requests the sandbox has seen. */
  long apiRequests() {
    return ((Number) stats().get("api_requests")).longValue();
  }

  private Map<String, Object> stats() {
    try {
      return JSONObjectUtils.parse(new SandboxControl(browser.base()).get("stats").body());
    } catch (Exception e) {
      throw new AssertionError("sandbox stats unreadable", e);
    }
  }

  static List<String> scopes(String... scopes) {
    return List.of(scopes);
  }
}
