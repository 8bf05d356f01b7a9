package com.livestormconnect.admin;

import com.livestormconnect.account.AccountStore;
import com.livestormconnect.config.Settings;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sandbox mode only, administrators only (web.xml): {@code GET /admin/probe} makes one Livestorm
 * call ({@code GET /ping}) with the signed-in administrator's own connection, through the same
 * interceptor as every page (fresh token, shared rate limit). It exists so that a multi-node test
 * can load the real call path over HTTP; in production mode it answers 404.
 */
@WebServlet("/admin/probe")
public class ProbeServlet extends HttpServlet {
  @Inject Settings settings;

  @Inject AccountStore accounts;

  @Inject LivestormClient livestorm;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!settings.isSandbox()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long accountId = accounts.find(request.getRemoteUser()).orElseThrow().getId();
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    try {
      livestorm.ping(Access.of(accountId));
      response.getWriter().write(Json.createObjectBuilder().add("status", "ok").build().toString());
    } catch (LivestormException e) {
      response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("status", "failed")
                  .add("kind", e.kind().name())
                  .build()
                  .toString());
    }
  }
}
