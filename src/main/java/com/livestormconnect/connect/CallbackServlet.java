package com.livestormconnect.connect;

import com.livestormconnect.account.CurrentAccount;
import com.livestormconnect.web.Templates;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The redirect URI Livestorm sends the browser back to. On success it answers 303 to the dashboard
 * at once, so the code does not stay in the address bar or history (RFC 9700 §4.3.1); otherwise it
 * explains what happened. The page loads nothing from third parties and, like every page, is sent
 * with {@code Referrer-Policy: no-referrer}.
 */
@WebServlet("/connect/callback")
public class CallbackServlet extends HttpServlet {
  @Inject Templates templates;

  @Inject AuthorizationCallback callback;

  @Inject PendingAuthorizations pending;

  @Inject CurrentAccount account;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    CallbackOutcome outcome =
        callback.complete(
            URLUtils.parseParameters(request.getQueryString()), account.id(request), pending);
    if (outcome.connected()) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", request.getContextPath() + "/dashboard");
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("outcome", outcome);
    model.put("errorCode", outcome.errorCode() == null ? "" : outcome.errorCode());
    model.put(
        "errorDescription", outcome.errorDescription() == null ? "" : outcome.errorDescription());
    templates.render(request, response, outcome.status(), "connect/callback", model);
  }
}
