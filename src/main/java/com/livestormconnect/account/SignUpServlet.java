package com.livestormconnect.account;

import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** GET shows the sign-up form; POST creates the account and signs its owner in. */
@WebServlet("/signup")
public class SignUpServlet extends HttpServlet {
  @Inject
  Templates templates;

  @Inject
  AccountStore accounts;

  @Inject
  SignIn signIn;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    templates.render(request, response, "signup", Map.of("username", "", "errors", List.of()));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SignUpForm form = SignUpForm.of(request.getParameter("username"), request.getParameter("password"));
    List<String> problems = form.problems();
    if (!problems.isEmpty()) {
      templates.render(request, response, 400, "signup",
          Map.of("username", form.username(), "errors", problems));
      return;
    }
    try {
      accounts.create(form);
    } catch (AccountStore.UsernameTaken e) {
      templates.render(request, response, 409, "signup",
          Map.of("username", form.username(), "errors", List.of("signup.error.taken")));
      return;
    }
    AuthenticationStatus status = signIn.authenticate(request, response, form.username(), form.password());
    if (status == AuthenticationStatus.SUCCESS) {
      SignInServlet.redirect(response, request.getContextPath() + "/dashboard");
    } else if (status != AuthenticationStatus.SEND_CONTINUE) {
      SignInServlet.redirect(response, request.getContextPath() + "/login");
    }
  }
}
