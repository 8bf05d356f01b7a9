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
 * POST /sandbox/oauth/revoke (RFC 7009, Doorkeeper's tokens#revoke): an unknown token is answered
 * 200 {} so the endpoint reveals nothing; a known one needs its own client's credentials (403
 * otherwise). Revoking either token of a pair revokes both, as they share one row.
 */
@WebServlet("/sandbox/oauth/revoke")
public class RevokeServlet extends HttpServlet {
  @Inject
  IssuedTokens tokens;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String token = request.getParameter("token");
    boolean refreshFirst = "refresh_token".equals(request.getParameter("token_type_hint"));
    Optional<IssuedTokens.Row> row = refreshFirst
        ? tokens.byRefreshToken(token).or(() -> tokens.byAccessToken(token))
        : tokens.byAccessToken(token).or(() -> tokens.byRefreshToken(token));
    if (row.isPresent()) {
      boolean owner = ClientCredentials.from(request)
          .filter(ClientCredentials::authentic)
          .map(c -> c.clientId().equals(row.get().clientId()))
          .orElse(false);
      if (!owner) {
        OAuthError.revocationRefused().write(response);
        return;
      }
      tokens.revoke(row.get());
    }
    response.setHeader("Cache-Control", "no-store, no-cache");
    JsonBody.write(response, 200, "application/json; charset=utf-8", Map.of());
  }
}
