package com.livestormconnect.account;

import com.livestormconnect.web.CsrfTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Signs a caller in through Jakarta Security, then renews the session id and the CSRF token. */
@ApplicationScoped
public class SignIn {
  @Inject SecurityContext securityContext;

  public AuthenticationStatus authenticate(
      HttpServletRequest request, HttpServletResponse response, String username, String password) {
    // Session fixation: whatever id the visitor had before this attempt stops being valid. Renewed
    // before authenticating because a successful attempt may already commit a redirect.
    if (request.getRemoteUser() != null) {
      // Signing in as someone else in the same browser: nothing of the previous user survives.
      try {
        request.logout();
      } catch (jakarta.servlet.ServletException e) {
        throw new IllegalStateException("could not sign the previous user out", e);
      }
      request.getSession().invalidate();
    }
    request.getSession();
    request.changeSessionId();
    CsrfTokens.rotate(request);
    return securityContext.authenticate(
        request,
        response,
        AuthenticationParameters.withParams()
            .credential(new UsernamePasswordCredential(username, new Password(password)))
            .newAuthentication(true));
  }
}
