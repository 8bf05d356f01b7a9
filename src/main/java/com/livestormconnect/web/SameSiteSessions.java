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
 * setting adds a second copy on some paths; so whenever a session is created or its id changes,
 * the session's Set-Cookie header gets the attribute if, and only if, it lacks it.
 */
public class SameSiteSessions extends HttpServletRequestWrapper {
  private final HttpServletResponse response;

  public SameSiteSessions(HttpServletRequest request, HttpServletResponse response) {
    super(request);
    this.response = response;
  }

  @Override
  public HttpSession getSession() {
    return getSession(true);
  }

  @Override
  public HttpSession getSession(boolean create) {
    HttpSession session = super.getSession(create);
    if (create) {
      fix(this, response);
    }
    return session;
  }

  @Override
  public String changeSessionId() {
    String id = super.changeSessionId();
    fix(this, response);
    return id;
  }

  /** Adds {@code SameSite=Lax} to the session cookie's Set-Cookie headers that lack it. */
  public static void fix(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      return;
    }
    String prefix = request.getServletContext().getSessionCookieConfig().getName() + "=";
    List<String> values = new ArrayList<>(response.getHeaders("Set-Cookie"));
    boolean changed = false;
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value.startsWith(prefix) && !value.toLowerCase(Locale.ROOT).contains("samesite")) {
        values.set(i, value + "; SameSite=Lax");
        changed = true;
      }
    }
    if (changed) {
      response.setHeader("Set-Cookie", values.get(0));
      values.stream().skip(1).forEach(v -> response.addHeader("Set-Cookie", v));
    }
  }
}
