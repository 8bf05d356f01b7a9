package com.livestormconnect.account;

import com.livestormconnect.config.Settings;
import com.livestormconnect.web.ProxyHeaders;
import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * GET shows the sign-in form; POST signs in: length limits first, then a throttle permit, then a
 * password check slot, and only then the password.
 */
@WebServlet("/login")
public class SignInServlet extends HttpServlet {
  @Inject Templates templates;

  @Inject SignIn signIn;

  @Inject SignInThrottle throttle;

  @Inject PasswordChecks passwordChecks;

  @Inject Settings settings;

  /** Longest username and password read at all (RFC 5321's address length; a long passphrase). */
  static final int MAX_USERNAME = 254;

  static final int MAX_PASSWORD = 1024;

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
    if (isTooLong(username, password)) {
      // Refused before any lookup, and never echoed: a megabyte name must cost us nothing.
      templates.render(
          request, response, 400, "login", Map.of("username", "", "error", "login.error.tooLong"));
      return;
    }
    if (username.isEmpty() || password.isEmpty()) {
      templates.render(
          request,
          response,
          400,
          "login",
          Map.of("username", username, "error", "login.error.missing"));
      return;
    }
    SignInThrottle.Decision decision =
        throttle.tryAcquire(
            username, ProxyHeaders.clientAddress(request, settings.trustedProxies()));
    if (!decision.allowed()) {
      long seconds = Math.max(1, decision.retryAfter().toSeconds() + 1);
      response.setHeader("Retry-After", Long.toString(seconds));
      templates.render(
          request,
          response,
          429,
          "login",
          Map.of("username", username, "error", "login.error.throttled", "waitSeconds", seconds));
      return;
    }
    Optional<PasswordChecks.Slot> slot = passwordChecks.enter();
    if (slot.isEmpty()) {
      throttle.notUsed(decision.permit());
      busy(
          request,
          response,
          templates,
          "login",
          Map.of("username", username, "error", "login.error.busy"));
      return;
    }
    AuthenticationStatus status;
    try (PasswordChecks.Slot taken = slot.get()) {
      status = signIn.authenticate(request, response, username, password);
    }
    switch (status) {
      case SUCCESS -> {
        throttle.succeeded(decision.permit());
        redirect(response, SignInMechanism.landing(request));
      }
      case SEND_CONTINUE -> throttle.succeeded(decision.permit());
      default ->
          templates.render(
              request,
              response,
              401,
              "login",
              Map.of("username", username, "error", "login.error.invalid"));
    }
  }

  static boolean isTooLong(String username, String password) {
    return username.length() > MAX_USERNAME || password.length() > MAX_PASSWORD;
  }

  /** 503 with a short Retry-After: every password check slot stayed taken. */
  static void busy(
      HttpServletRequest request,
      HttpServletResponse response,
      Templates templates,
      String view,
      Map<String, ?> model)
      throws IOException {
    response.setHeader("Retry-After", "2");
    templates.render(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, view, model);
  }

  static void redirect(HttpServletResponse response, String location) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", location);
  }

  static String valueOf(String parameter) {
    return parameter == null ? "" : parameter;
  }
}
