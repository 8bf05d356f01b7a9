package com.livestormconnect.sandbox.oauth;

import com.livestormconnect.sandbox.JsonBody;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * POST /sandbox/oauth/revoke (RFC 7009, Doorkeeper 5.8's tokens#revoke): without authentic client
 * credentials, 403 unauthorized_client whatever the token; an unknown token is answered 200 {} so
 * the endpoint reveals nothing; a known one must belong to the authenticated client (403
 * otherwise); {@code token_type_hint=refresh_token} looks among refresh tokens only. Revoking
 * either token of a pair revokes both, as they share one row.
 */
@WebServlet("/sandbox/oauth/revoke")
public class RevokeServlet extends HttpServlet {
  @Inject IssuedTokens tokens;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ClientCredentials> client =
        ClientCredentials.from(request).filter(ClientCredentials::authentic);
    if (client.isEmpty()) {
      // Doorkeeper 5.8: no authenticated client, no revocation, whatever the token.
      OAuthError.revocationRefused().write(response);
      return;
    }
    String token = request.getParameter("token");
    // token_type_hint=refresh_token looks among refresh tokens only, as Doorkeeper 5.8 does.
    Optional<IssuedTokens.Row> row =
        "refresh_token".equals(request.getParameter("token_type_hint"))
            ? tokens.byRefreshToken(token)
            : tokens.byAccessToken(token).or(() -> tokens.byRefreshToken(token));
    if (row.isPresent()) {
      if (!client.get().clientId().equals(row.get().clientId())) {
        OAuthError.revocationRefused().write(response);
        return;
      }
      tokens.revoke(row.get());
    }
    response.setHeader("Cache-Control", "no-store, no-cache");
    JsonBody.write(response, 200, "application/json; charset=utf-8", Map.of());
  }
}
