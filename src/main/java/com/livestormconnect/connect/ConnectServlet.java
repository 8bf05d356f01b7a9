package com.livestormconnect.connect;

import com.livestormconnect.account.CurrentAccount;
import com.livestormconnect.livestorm.LivestormScope;
import com.livestormconnect.livestorm.ScopeSelection;
import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GET shows the scopes to choose from; POST checks the choice against Livestorm's rules and sends
 * the browser to Livestorm's authorization page (303).
 */
@WebServlet("/connect")
public class ConnectServlet extends HttpServlet {
  @Inject Templates templates;

  @Inject RegisteredScopes registered;

  @Inject AuthorizationRedirect redirect;

  @Inject PendingAuthorizations pending;

  @Inject CurrentAccount account;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    render(request, response, 200, registered.defaultSelection(), null);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] values = request.getParameterValues("scope");
    ScopeSelection selection =
        ScopeSelection.of(values == null ? List.of() : Arrays.asList(values));
    if (!registered.covers(selection)) {
      // Livestorm would refuse it on its own page (invalid_scope), stranding the user there.
      render(request, response, 400, selection, "connect.rule.notRegistered");
      return;
    }
    if (!selection.isValid()) {
      render(request, response, 400, selection, selection.brokenRule().orElseThrow());
      return;
    }
    URI authorization = redirect.start(selection, account.id(request), pending);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", authorization.toString());
  }

  private void render(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      ScopeSelection selection,
      String problem)
      throws IOException {
    Map<String, Object> model = new HashMap<>();
    model.put("groups", LivestormScope.Group.values());
    model.put("selected", selection.values());
    model.put("registered", registered.selection().toString());
    model.put("registeredScopes", registered.selection().values());
    model.put("differsFromRegistered", !selection.sameAs(registered.selection()));
    model.put("problem", problem == null ? "" : problem);
    templates.render(request, response, status, "connect", model);
  }
}
