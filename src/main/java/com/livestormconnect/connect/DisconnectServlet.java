package com.livestormconnect.connect;

import com.livestormconnect.account.CurrentAccount;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** POST (with the CSRF token) from the dashboard's Disconnect button. */
@WebServlet("/connect/disconnect")
public class DisconnectServlet extends HttpServlet {
  @Inject Disconnection disconnection;

  @Inject CurrentAccount account;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long accountId = account.id(request);
    String notice =
        switch (disconnection.disconnect(accountId)) {
          case DISCONNECTED -> "disconnected";
          case NOT_REVOKED -> "notRevoked";
          case REVOCATION_FAILED -> "revocationFailed";
          case REFRESH_TOKEN_NOT_REVOKED -> "refreshTokenNotRevoked";
          case ACCESS_TOKEN_NOT_REVOKED -> "accessTokenNotRevoked";
          case NOT_CONNECTED -> "notConnected";
        };
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/dashboard?notice=" + notice);
  }
}
