package com.livestormconnect.account;

import com.livestormconnect.config.Settings;
import com.livestormconnect.web.BaseUrlRedirects;
import com.livestormconnect.web.ProxyHeaders;
import com.livestormconnect.web.SameSiteSessions;
import com.livestormconnect.web.SecurityHeadersFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/**
 * Form sign-in kept in the HTTP session. Credentials come from the sign-in servlet through {@code
 * SecurityContext.authenticate}; on every later request the caller is re-established from the
 * session, name <em>and</em> groups. (Jakarta Security's {@code @AutoApplySession} hands the
 * container only the principal, and Payara 6 then loses the groups now and then under load: a
 * signed-in user gets a 403 on a page they may see; payara/Payara#6145.) A visitor who asks for a
 * protected page is sent to /login and, after signing in, back to that page.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {
  static final String CALLER = SignInMechanism.class.getName() + ".caller";
  static final String WANTED = SignInMechanism.class.getName() + ".wanted";

  /** Who is signed in to this session. */
  record Caller(String name, Set<String> groups) implements Serializable {}

  @Inject IdentityStoreHandler identityStores;

  @Inject Settings settings;

  @Inject AccountStore accounts;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        // No sendError here: the sign-in page answers, with its message and a fresh CSRF token.
        return AuthenticationStatus.SEND_FAILURE;
      }
      HttpSession signedIn = request.getSession();
      SameSiteSessions.fix(request, response, isHttps(request));
      signedIn.setAttribute(
          CALLER,
          new Caller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
      return context.notifyContainerAboutLogin(result);
    }
    HttpSession session = request.getSession(false);
    Object caller = session == null ? null : session.getAttribute(CALLER);
    if (caller instanceof Caller signedIn) {
      Caller current = current(session, signedIn);
      if (current != null) {
        return context.notifyContainerAboutLogin(current.name(), current.groups());
      }
    }
    if (context.isProtected()) {
      if ("GET".equals(request.getMethod())) {
        request.getSession().setAttribute(WANTED, wanted(request));
        SameSiteSessions.fix(request, response, isHttps(request));
      }
      // An absolute URL under APP_BASE_URL, so that no container builds it from the Host header;
      // through context.redirect, which every server honours (Open Liberty answers 500 to a
      // Location set by hand). This answer leaves before any filter has added the security headers.
      SecurityHeadersFilter.apply(request, response, settings);
      return context.redirect(
          BaseUrlRedirects.location(
              request, settings.appBaseUrl(), request.getContextPath() + "/login"));
    }
    return context.doNothing();
  }

  /**
   * The caller with the groups the database holds now, read on every request: a role changed on any
   * node (a demoted administrator) counts from the next request, on every node. Null when the
   * account no longer exists.
   */
  private Caller current(HttpSession session, Caller signedIn) {
    Caller fresh =
        accounts
            .find(signedIn.name())
            .map(a -> new Caller(a.getUsername(), accounts.groups(a)))
            .orElse(null);
    if (fresh == null) {
      session.removeAttribute(CALLER);
    } else if (!fresh.equals(signedIn)) {
      session.setAttribute(CALLER, fresh);
    }
    return fresh;
  }

  private boolean isHttps(HttpServletRequest request) {
    return settings.isHttps() || ProxyHeaders.isHttps(request, settings.trustedProxies());
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(CALLER);
    }
  }

  /** The page asked for, as a path of this app (never an absolute URL: no open redirect). */
  private static String wanted(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString();
    return query == null ? path : path + "?" + query;
  }

  /** Where to go after signing in: the page that sent the visitor here, or the dashboard. */
  static String landing(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object wanted = session == null ? null : session.getAttribute(WANTED);
    if (session != null) {
      session.removeAttribute(WANTED);
    }
    String path =
        wanted instanceof String s && s.startsWith("/") && !s.startsWith("//") ? s : "/dashboard";
    return request.getContextPath() + path;
  }
}
