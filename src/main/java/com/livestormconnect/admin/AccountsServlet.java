package com.livestormconnect.admin;

import com.livestormconnect.account.AccountStore;
import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Accounts and who administers (web.xml restricts /admin/* to administrators; POSTs carry the CSRF
 * token like every form): promote or demote, never the last administrator.
 */
@WebServlet("/admin/accounts")
public class AccountsServlet extends HttpServlet {
  @Inject Templates templates;

  @Inject AccountStore accounts;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    render(request, response, HttpServletResponse.SC_OK, request.getParameter("notice"));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String username = String.valueOf(request.getParameter("username"));
    String action = String.valueOf(request.getParameter("action"));
    if (!action.equals("promote") && !action.equals("demote")) {
      render(request, response, HttpServletResponse.SC_BAD_REQUEST, "admin.accounts.unknown");
      return;
    }
    try {
      if (!accounts.setAdministrator(username, action.equals("promote"))) {
        render(request, response, HttpServletResponse.SC_NOT_FOUND, "admin.accounts.unknown");
        return;
      }
    } catch (AccountStore.LastAdministrator e) {
      render(request, response, HttpServletResponse.SC_CONFLICT, "admin.accounts.last");
      return;
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location",
        request.getContextPath()
            + "/admin/accounts?notice="
            + (action.equals("promote") ? "promoted" : "demoted"));
  }

  private void render(
      HttpServletRequest request, HttpServletResponse response, int status, String notice)
      throws IOException {
    String key =
        notice == null
            ? ""
            : switch (notice) {
              case "promoted" -> "admin.accounts.promoted";
              case "demoted" -> "admin.accounts.demoted";
              case "admin.accounts.unknown", "admin.accounts.last" -> notice;
              default -> "";
            };
    templates.render(
        request,
        response,
        status,
        "admin/accounts",
        Map.of("accounts", accounts.all(), "notice", key, "error", status >= 400));
  }
}
