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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET shows the sign-up form; POST creates the account and signs its owner in: length limits and
 * form checks first, then a sign-up permit for the client's address, then a password hashing slot
 * of sign-up's share. With the one-time setup code the account is the first administrator, also
 * when SIGNUP=closed.
 */
@WebServlet("/signup")
public class SignUpServlet extends HttpServlet {
  @Inject Templates templates;

  @Inject AccountStore accounts;

  @Inject SignIn signIn;

  @Inject AdminSetup setup;

  @Inject PasswordChecks passwordChecks;

  @Inject SignInThrottle throttle;

  @Inject SignUpThrottle signUpThrottle;

  @Inject Settings settings;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    render(request, response, 200, "", List.of());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String rawUsername = SignInServlet.valueOf(request.getParameter("username"));
    String setupCode = SignInServlet.valueOf(request.getParameter("setupCode")).trim();
    SignUpForm form = SignUpForm.of(rawUsername, request.getParameter("password"));
    if (SignInServlet.isTooLong(form.username(), form.password())) {
      render(request, response, 400, "", List.of("login.error.tooLong"));
      return;
    }
    boolean administrator = !setupCode.isEmpty();
    Optional<String> refusal = new SignUpPolicy(settings.signupOpen()).refusal(administrator);
    if (refusal.isPresent()) {
      render(request, response, 403, form.username(), List.of(refusal.get()));
      return;
    }
    List<String> problems = form.problems();
    if (!problems.isEmpty()) {
      render(request, response, 400, form.username(), problems);
      return;
    }
    // Counted before any lookup or hashing, whatever comes of it: a taken name costs a permit too.
    String address = ProxyHeaders.clientAddress(request, settings.trustedProxies());
    Duration wait = signUpThrottle.tryAcquire(address);
    if (!wait.isZero()) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds() + 1)));
      render(request, response, 429, form.username(), List.of("signup.error.throttled"));
      return;
    }
    Optional<PasswordChecks.Slot> slot = passwordChecks.enterForSignUp();
    if (slot.isEmpty()) {
      signUpThrottle.notUsed(address);
      SignInServlet.busy(
          request,
          response,
          templates,
          "signup",
          model(form.username(), List.of("login.error.busy")));
      return;
    }
    try (PasswordChecks.Slot taken = slot.get()) {
      try {
        if (administrator) {
          if (setup.createFirstAdministrator(form, setupCode).isEmpty()) {
            render(request, response, 400, form.username(), List.of("signup.error.setupCode"));
            return;
          }
        } else {
          accounts.create(form);
        }
      } catch (AccountStore.UsernameTaken e) {
        // The second hash a new account costs (its sign-in below): "taken" answers no sooner.
        accounts.verifyDecoy(form.password());
        render(request, response, 409, form.username(), List.of("signup.error.taken"));
        return;
      }
      throttle.known(form.username(), address);
      signInAndLand(request, response, form);
    }
  }

  private void signInAndLand(
      HttpServletRequest request, HttpServletResponse response, SignUpForm form) {
    AuthenticationStatus status =
        signIn.authenticate(request, response, form.username(), form.password());
    if (status == AuthenticationStatus.SUCCESS) {
      SignInServlet.redirect(response, request.getContextPath() + "/dashboard");
    } else if (status != AuthenticationStatus.SEND_CONTINUE) {
      SignInServlet.redirect(response, request.getContextPath() + "/login");
    }
  }

  private void render(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String username,
      List<String> errors)
      throws IOException {
    templates.render(request, response, status, "signup", model(username, errors));
  }

  private Map<String, Object> model(String username, List<String> errors) {
    return Map.of(
        "username",
        username,
        "errors",
        errors,
        "signupOpen",
        settings.signupOpen(),
        "setupPending",
        setup.isPending(),
        "firstAccountIsAdmin",
        settings.firstAccountIsAdmin());
  }
}
