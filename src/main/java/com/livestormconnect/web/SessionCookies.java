package com.livestormconnect.web;

import com.livestormconnect.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Session cookie policy: cookie-only tracking (never a session id in a URL), HttpOnly,
 * SameSite=Lax (the Livestorm callback is a top-level GET, which Lax lets through), and Secure
 * whenever the app's public URL is HTTPS, which covers TLS terminated at a proxy.
 */
@WebListener
public class SessionCookies implements ServletContextListener {
  @Inject
  Settings settings;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    SessionCookieConfig cookie = context.getSessionCookieConfig();
    cookie.setName("LSCSESSION");
    cookie.setHttpOnly(true);
    cookie.setSecure(settings.isHttps());
    cookie.setAttribute("SameSite", "Lax");
  }
}
