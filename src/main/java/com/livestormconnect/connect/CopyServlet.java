package com.livestormconnect.connect;

import com.livestormconnect.account.CurrentAccount;
import com.livestormconnect.copy.Sync;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * POST (with the CSRF token) from the connection page's "Copy everything again" button: every list
 * is read again in full from the sync's next turn, as for a new connection.
 */
@WebServlet("/connection/copy")
public class CopyServlet extends HttpServlet {
  @Inject CurrentAccount account;

  @Inject Sync sync;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    sync.backfillAgain(account.id(request));
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/connection");
  }
}
