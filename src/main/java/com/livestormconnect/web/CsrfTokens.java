package com.livestormconnect.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer tokens (OWASP): one random token per session, put in every form as {@code _csrf} and
 * compared in constant time on every state-changing request.
 */
public final class CsrfTokens {
  public static final String PARAMETER = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  private static final String ATTRIBUTE = CsrfTokens.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private CsrfTokens() {}

  /** The session's token, creating the session and the token when needed. */
  public static String token(HttpServletRequest request) {
    HttpSession session = request.getSession();
    Object token = session.getAttribute(ATTRIBUTE);
    if (token == null) {
      token = fresh();
      session.setAttribute(ATTRIBUTE, token);
    }
    return (String) token;
  }

  /**
   * The token of the session this request already has, without creating one (empty when there is
   * none): pages without a form must not open a session for an anonymous visitor.
   */
  public static String existing(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(ATTRIBUTE);
    return token == null ? "" : (String) token;
  }

  /** A new token for this session, e.g. at sign-in, so that a token seen before it is useless. */
  public static void rotate(HttpServletRequest request) {
    request.getSession().setAttribute(ATTRIBUTE, fresh());
  }

  static boolean isValid(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(ATTRIBUTE);
    String given = request.getHeader(HEADER);
    if (given == null) {
      given = request.getParameter(PARAMETER);
    }
    return expected != null
        && given != null
        && MessageDigest.isEqual(
            ((String) expected).getBytes(StandardCharsets.US_ASCII),
            given.getBytes(StandardCharsets.US_ASCII));
  }

  private static String fresh() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
