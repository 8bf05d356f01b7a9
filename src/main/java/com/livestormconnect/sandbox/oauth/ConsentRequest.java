package com.livestormconnect.sandbox.oauth;

import com.livestormconnect.sandbox.SandboxSettings;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An authorization request that passed every check, waiting for the user's Approve or Deny. Kept in
 * the HTTP session under a random consent token, so the POST cannot alter what was shown.
 */
public record ConsentRequest(
    String redirectUri,
    List<String> scopes,
    String state,
    String codeChallenge,
    String codeChallengeMethod)
    implements Serializable {

  /** What GET /oauth/authorize does with a request. */
  public sealed interface Verdict {}

  /** Ask the user. */
  public record Ask(ConsentRequest request) implements Verdict {}

  /** invalid_client and bad redirect URIs are shown, never redirected (RFC 6749 §4.1.2.1). */
  public record Show(OAuthError error) implements Verdict {}

  /**
   * A later error, which Doorkeeper may redirect to the client's redirect URI; by default ({@code
   * handle_auth_errors = :render}) it shows it on its own page instead.
   */
  public record Redirect(String location, OAuthError error) implements Verdict {}

  /** Doorkeeper's pre-authorization checks, in its order (facts file, section 2.6). */
  public static Verdict check(UnaryOperator<String> param, SandboxSettings settings) {
    String clientId = param.apply("client_id");
    if (blank(clientId)) {
      return new Show(OAuthError.invalidRequest("client_id"));
    }
    if (!SandboxSettings.CLIENT_ID.equals(clientId)) {
      return new Show(OAuthError.invalidClient());
    }
    String redirectUri = param.apply("redirect_uri");
    if (blank(redirectUri) || !redirectUri.equals(settings.redirectUri())) {
      return new Show(OAuthError.invalidRedirectUri());
    }
    String state = blank(param.apply("state")) ? null : param.apply("state");
    String responseType = param.apply("response_type");
    String scope = param.apply("scope");
    if (blank(responseType) || blank(scope)) {
      String missing = blank(responseType) ? "response_type" : "scope";
      return redirect(redirectUri, OAuthError.invalidRequest(missing), state);
    }
    if (!"code".equals(responseType)) {
      return redirect(redirectUri, OAuthError.unsupportedResponseType(), state);
    }
    List<String> scopes = LivestormScopes.parse(scope);
    if (!LivestormScopes.acceptable(scopes, settings.registeredScopes())) {
      return redirect(redirectUri, OAuthError.invalidScope(), state);
    }
    String challenge = blank(param.apply("code_challenge")) ? null : param.apply("code_challenge");
    String method = param.apply("code_challenge_method");
    if (challenge != null && !Pkce.supports(method)) {
      return redirect(redirectUri, OAuthError.invalidCodeChallengeMethod(), state);
    }
    return new Ask(
        new ConsentRequest(
            redirectUri, scopes, state, challenge, challenge == null ? null : method));
  }

  private static Redirect redirect(String redirectUri, OAuthError error, String state) {
    return new Redirect(withError(redirectUri, error, state), error);
  }

  public String approvedWith(String code) {
    return redirectUri
        + separator(redirectUri)
        + "code="
        + encode(code)
        + (state == null ? "" : "&state=" + encode(state));
  }

  public String denied() {
    return withError(redirectUri, OAuthError.accessDenied(), state);
  }

  static String withError(String redirectUri, OAuthError error, String state) {
    return redirectUri
        + separator(redirectUri)
        + "error="
        + encode(error.code())
        + "&error_description="
        + encode(error.description())
        + (state == null ? "" : "&state=" + encode(state));
  }

  private static String separator(String uri) {
    return uri.contains("?") ? "&" : "?";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
