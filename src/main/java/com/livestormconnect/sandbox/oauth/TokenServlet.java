package com.livestormconnect.sandbox.oauth;

import com.livestormconnect.sandbox.JsonBody;
import com.livestormconnect.sandbox.SandboxSettings;
import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.control.Faults;
import com.livestormconnect.sandbox.control.SandboxStats;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /sandbox/oauth/token: the authorization_code and refresh_token grants, with Doorkeeper's
 * checks in Doorkeeper's order (facts file, section 2.5) and its response shape (section 2.3).
 */
@WebServlet("/sandbox/oauth/token")
public class TokenServlet extends HttpServlet {
  @Inject AuthorizationCodes codes;

  @Inject IssuedTokens tokens;

  @Inject SandboxStats stats;

  @Inject SandboxVariants variants;

  @Inject Faults faults;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String grantType = blankToNull(request.getParameter("grant_type"));
    stats.tokenRequest(grantType);
    if (grantType == null) {
      OAuthError.invalidRequest("grant_type").write(response);
      return;
    }
    switch (grantType) {
      case "authorization_code" -> exchangeCode(request, response);
      case "refresh_token" -> refresh(request, response);
      default -> OAuthError.unsupportedGrantType().write(response);
    }
  }

  private void exchangeCode(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (blankToNull(request.getParameter("code")) == null) {
      OAuthError.invalidRequest("code").write(response);
      return;
    }
    Optional<AuthorizationCodes.Grant> grant = codes.find(request.getParameter("code"));
    String redirectUri = blankToNull(request.getParameter("redirect_uri"));
    String verifier = blankToNull(request.getParameter("code_verifier"));
    if (grant.isPresent() && grant.get().codeChallenge() != null && verifier == null) {
      OAuthError.invalidRequest("code_verifier").write(response);
    } else if (redirectUri == null) {
      OAuthError.invalidRequest("redirect_uri").write(response);
    } else if (!ClientCredentials.from(request).map(ClientCredentials::authentic).orElse(false)) {
      OAuthError.invalidClient().write(response);
    } else if (grant.isEmpty()
        || !SandboxSettings.CLIENT_ID.equals(grant.get().clientId())
        || !codes.usable(grant.get())
        || !redirectUri.equals(grant.get().redirectUri())
        || !Pkce.verifies(grant.get().codeChallenge(), grant.get().codeChallengeMethod(), verifier)
        || !codes.redeem(grant.get().code())) {
      OAuthError.invalidGrant().write(response);
    } else {
      IssuedTokens.Row row =
          tokens.issue(
              SandboxSettings.CLIENT_ID,
              variants.is(SandboxVariants.Variant.GRANTED_SCOPE, "broader")
                  ? SandboxSettings.current().registeredScopes()
                  : grant.get().scopes(),
              SandboxSettings.current().tokenTtlSeconds(),
              null);
      write(response, row);
    }
  }

  private void refresh(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String refreshToken = blankToNull(request.getParameter("refresh_token"));
    if (refreshToken == null) {
      OAuthError.invalidRequest("refresh_token").write(response);
      return;
    }
    Optional<IssuedTokens.Row> old = tokens.byRefreshToken(refreshToken).filter(r -> !r.revoked());
    Optional<ClientCredentials> client = ClientCredentials.from(request);
    if (old.isEmpty()) {
      OAuthError.invalidGrant().write(response);
    } else if (client.isPresent() && !client.get().authentic()) {
      OAuthError.invalidClient().write(response);
    } else if (client.isEmpty() || !client.get().clientId().equals(old.get().clientId())) {
      OAuthError.invalidGrant().write(response);
    } else {
      String scope = request.getParameter("scope");
      List<String> scopes =
          scope == null || scope.isBlank() ? old.get().scopes() : LivestormScopes.parse(scope);
      if (!old.get().scopes().containsAll(scopes)) {
        OAuthError.invalidScope().write(response);
        return;
      }
      boolean onUse = variants.is(SandboxVariants.Variant.REFRESH_ROTATION, "on_use");
      IssuedTokens.Row row =
          tokens.issue(
              old.get().clientId(),
              scopes,
              SandboxSettings.current().tokenTtlSeconds(),
              onUse ? old.get().refreshToken() : null);
      if (!onUse) {
        // Doorkeeper without a previous_refresh_token column revokes the old pair at once.
        tokens.revoke(old.get());
      }
      stats.refreshSucceeded();
      try {
        faults.awaitRefreshAnswerRelease();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (faults.takeLostRefreshAnswer()) {
        loseAnswer(response);
        return;
      }
      write(response, row);
    }
  }

  /**
   * The tokens are rotated but the client never reads them: the headers promise a body that is cut
   * short, so the client's read fails as if the connection dropped.
   */
  private static void loseAnswer(HttpServletResponse response) throws IOException {
    response.setStatus(200);
    response.setContentType("application/json; charset=utf-8");
    response.setHeader("Connection", "close");
    response.setContentLength(4096);
    response
        .getOutputStream()
        .write("{\"access_token\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    response.flushBuffer();
  }

  private static void write(HttpServletResponse response, IssuedTokens.Row row) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", row.accessToken());
    body.put("token_type", "Bearer");
    body.put("expires_in", row.expiresIn());
    body.put("refresh_token", row.refreshToken());
    body.put("scope", String.join(" ", row.scopes()));
    body.put("created_at", row.createdAt().getEpochSecond());
    response.setHeader("Cache-Control", "no-store, no-cache");
    response.setHeader("Pragma", "no-cache");
    JsonBody.write(response, 200, "application/json; charset=utf-8", body);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
