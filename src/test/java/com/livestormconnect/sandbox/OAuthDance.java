package com.livestormconnect.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.Browser;
import com.livestormconnect.SandboxConsent;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Walks the sandbox's OAuth flow the way a browser and the app's server would, for tests. */
final class OAuthDance {
  static final String CLIENT_ID = "livestorm-connect-sandbox";
  static final String SECRET = "sandbox-secret-not-for-production";

  private static final HttpClient RAW =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final Browser browser;
  final String redirectUri;

  OAuthDance(Browser browser) {
    this.browser = browser;
    this.redirectUri = browser.base() + "/connect/callback";
  }

  /** The authorize URL with these parameters on top of a valid request for {@code scope}. */
  String authorizePath(String scope, Map<String, String> overrides) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", CLIENT_ID);
    params.put("redirect_uri", redirectUri);
    params.put("response_type", "code");
    params.put("scope", scope);
    params.put("state", "st-123");
    params.putAll(overrides);
    return "/sandbox/oauth/authorize?"
        + params.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  HttpResponse<String> consentPage(String scope, Map<String, String> overrides) {
    return browser.get(authorizePath(scope, overrides));
  }

  HttpResponse<String> decide(HttpResponse<String> page, String decision) {
    return SandboxConsent.answer(browser, page, decision);
  }

  /** An approved authorization code for {@code scope}, with optional PKCE parameters. */
  String code(String scope, Map<String, String> pkce) {
    HttpResponse<String> page = consentPage(scope, pkce);
    assertEquals(200, page.statusCode(), page.body());
    HttpResponse<String> approved = decide(page, "approve");
    assertEquals(302, approved.statusCode());
    Map<String, String> query = query(location(approved));
    assertEquals("st-123", query.get("state"));
    return query.get("code");
  }

  HttpResponse<String> token(Map<String, String> form) {
    return browser.postRaw("/sandbox/oauth/token", form);
  }

  HttpResponse<String> exchange(String code) {
    return token(
        Map.of(
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            redirectUri,
            "client_id",
            CLIENT_ID,
            "client_secret",
            SECRET));
  }

  /** A fresh token response (parsed JSON) for {@code scope}. */
  Map<String, Object> tokens(String scope) {
    HttpResponse<String> response = exchange(code(scope, Map.of()));
    assertEquals(200, response.statusCode(), response.body());
    return json(response);
  }

  String accessToken(String scope) {
    return (String) tokens(scope).get("access_token");
  }

  HttpResponse<String> refresh(String refreshToken) {
    return token(
        Map.of(
            "grant_type",
            "refresh_token",
            "refresh_token",
            refreshToken,
            "client_id",
            CLIENT_ID,
            "client_secret",
            SECRET));
  }

  /** One API call, exactly as sent: no retry (for tests of the limits themselves). */
  HttpResponse<String> apiOnce(String method, String path, String accessToken, String json) {
    HttpRequest.Builder request =
        request("/sandbox/api/v1" + path)
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/vnd.api+json");
    if (json != null) {
      request.header("Content-Type", "application/vnd.api+json");
    }
    return send(
        request
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * An API call as a well-behaved client makes it: after a 429 it waits Retry-After and retries.
   */
  HttpResponse<String> api(String method, String path, String accessToken, String json) {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = apiOnce(method, path, accessToken, json);
      if (response.statusCode() != 429 || attempt == 3) {
        return response;
      }
      long wait = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"));
      try {
        Thread.sleep(wait * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  HttpResponse<String> api(String path, String accessToken) {
    return api("GET", path, accessToken, null);
  }

  /** Any request (other methods, custom headers), without cookies, never following redirects. */
  static HttpResponse<String> send(HttpRequest request) {
    try {
      return RAW.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(browser.base() + path))
        .timeout(Duration.ofSeconds(60));
  }

  static Map<String, Object> json(HttpResponse<String> response) {
    try {
      return JSONObjectUtils.parse(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  static Map<String, String> query(String location) {
    String raw = URI.create(location).getRawQuery();
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
