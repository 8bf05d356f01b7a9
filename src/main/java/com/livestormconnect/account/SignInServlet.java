package com.livestormconnect.account;

import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** GET shows the sign-in form; POST signs in, slowed down after repeated failures. */
@WebServlet("/login")
public class SignInServlet extends HttpServlet {
  @Inject
  Templates templates;

  @Inject
  SignIn signIn;

  @Inject
  SignInThrottle throttle;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getRemoteUser() != null) {
      response.sendRedirect(request.getContextPath() + "/dashboard");
      return;
    }
    templates.render(request, response, "login", Map.of("username", ""));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String username = valueOf(request.getParameter("username")).trim();
    String password = valueOf(request.getParameter("password"));
    Duration wait = throttle.waitBefore(username, request.getRemoteAddr());
    if (!wait.isZero()) {
      long seconds = Math.max(1, wait.toSeconds() + 1);
      response.setHeader("Retry-After", Long.toString(seconds));
      templates.render(request, response, 429, "login",
          Map.of("username", username, "error", "login.error.throttled", "waitSeconds", seconds));
      return;
    }
    if (username.isEmpty() || password.isEmpty()) {
      templates.render(request, response, 400, "login",
          Map.of("username", username, "error", "login.error.missing"));
      return;
    }
    AuthenticationStatus status = signIn.authenticate(request, response, username, password);
    switch (status) {
      case SUCCESS -> {
        throttle.succeeded(username);
        redirect(response, SignInMechanism.landing(request));
      }
      case SEND_CONTINUE -> throttle.succeeded(username);
      default -> {
        throttle.failed(username, request.getRemoteAddr());
        templates.render(request, response, 401, "login",
            Map.of("username", username, "error", "login.error.invalid"));
      }
    }
  }

  static void redirect(HttpServletResponse response, String location) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", location);
  }

  static String valueOf(String parameter) {
    return parameter == null ? "" : parameter;
  }

}
