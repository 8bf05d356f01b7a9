package com.livestormconnect.sandbox.oauth;

import com.livestormconnect.sandbox.JsonBody;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OAuth error as Doorkeeper words and sends it (its config/locales/en.yml texts): 401 for
 * invalid_client, 400 for the others, unless a status is given.
 */
public record OAuthError(String code, String description, int status) {

  public static OAuthError invalidRequest(String missingParameter) {
    return new OAuthError(
        "invalid_request", "Missing required parameter: " + missingParameter + ".", 400);
  }

  public static OAuthError invalidClient() {
    return new OAuthError(
        "invalid_client",
        "Client authentication failed due to unknown client, no"
            + " client authentication included, or unsupported authentication method.",
        401);
  }

  public static OAuthError invalidGrant() {
    return new OAuthError(
        "invalid_grant",
        "The provided authorization grant is invalid, expired,"
            + " revoked, does not match the redirection URI used in the authorization request, or was"
            + " issued to another client.",
        400);
  }

  public static OAuthError unsupportedGrantType() {
    return new OAuthError(
        "unsupported_grant_type",
        "The authorization grant type is not supported by the authorization server.",
        400);
  }

  public static OAuthError invalidScope() {
    return new OAuthError(
        "invalid_scope", "The requested scope is invalid, unknown, or malformed.", 400);
  }

  public static OAuthError invalidRedirectUri() {
    return new OAuthError(
        "invalid_redirect_uri",
        "The requested redirect uri is malformed or doesn't match client redirect URI.",
        400);
  }

  public static OAuthError unsupportedResponseType() {
    return new OAuthError(
        "unsupported_response_type",
        "The authorization server does not support this response type.",
        400);
  }

  public static OAuthError invalidCodeChallengeMethod() {
    return new OAuthError(
        "invalid_code_challenge_method",
        "The code_challenge_method must be one of plain, S256.",
        400);
  }

  public static OAuthError accessDenied() {
    return new OAuthError(
        "access_denied", "The resource owner or authorization server denied the request.", 400);
  }

  public static OAuthError revocationRefused() {
    return new OAuthError(
        "unauthorized_client", "You are not authorized to revoke this token", 403);
  }

  /** Doorkeeper's JSON error: body, no-store, and a WWW-Authenticate header naming the error. */
  public void write(HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store, no-cache");
    response.setHeader("Pragma", "no-cache");
    response.setHeader(
        "WWW-Authenticate",
        "Bearer realm=\"Doorkeeper\", error=\""
            + headerSafe(code)
            + "\", error_description=\""
            + headerSafe(description)
            + "\"");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("error_description", description);
    JsonBody.write(response, status, "application/json; charset=utf-8", body);
  }

  /**
   * RFC 6750 §3 allows only %x20-21 / %x23-5B / %x5D-7E inside the quotes; Doorkeeper puts _
   * instead.
   */
  public static String headerSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
      safe.append(allowed ? c : '_');
    }
    return safe.toString();
  }
}
