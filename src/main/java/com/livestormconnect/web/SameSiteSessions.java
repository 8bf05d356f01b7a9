package com.livestormconnect.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes sure the session cookie says {@code SameSite=Lax} exactly once, on every server. The
 * standard {@code SessionCookieConfig.setAttribute("SameSite", ...)} (set in {@link
 * SessionCookies}) is honoured by most servers but ignored by Payara 6, and Payara's own listener
 * setting adds a second copy on some paths; so whenever a session is created or its id changes, the
 * session's Set-Cookie header gets the attribute if, and only if, it lacks it.
 */
public class SameSiteSessions extends HttpServletRequestWrapper {
  private final HttpServletResponse response;
  private final boolean https;

  /** {@code https}: this request came over HTTPS (directly or from a trusted proxy). */
  public SameSiteSessions(HttpServletRequest request, HttpServletResponse response, boolean https) {
    super(request);
    this.response = response;
    this.https = https;
  }

  @Override
  public HttpSession getSession() {
    return getSession(true);
  }

  @Override
  public HttpSession getSession(boolean create) {
    HttpSession session = super.getSession(create);
    if (create) {
      fix(this, response, https);
    }
    return session;
  }

  @Override
  public String changeSessionId() {
    String id = super.changeSessionId();
    fix(this, response, https);
    return id;
  }

  /**
   * Adds {@code SameSite=Lax} to the session cookie's Set-Cookie headers that lack it, and {@code
   * Secure} when the request came over HTTPS (a trusted proxy's X-Forwarded-Proto counts).
   */
  public static void fix(HttpServletRequest request, HttpServletResponse response, boolean https) {
    if (response.isCommitted()) {
      return;
    }
    String prefix = request.getServletContext().getSessionCookieConfig().getName() + "=";
    List<String> values = new ArrayList<>(response.getHeaders("Set-Cookie"));
    boolean changed = false;
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (!value.startsWith(prefix)) {
        continue;
      }
      String lower = value.toLowerCase(Locale.ROOT);
      String fixed = value;
      if (!lower.contains("samesite")) {
        fixed += "; SameSite=Lax";
      }
      if (https && !lower.contains("secure")) {
        fixed += "; Secure";
      }
      changed |= !fixed.equals(value);
      values.set(i, fixed);
    }
    if (changed) {
      response.setHeader("Set-Cookie", values.get(0));
      values.stream().skip(1).forEach(v -> response.addHeader("Set-Cookie", v));
    }
  }
}
