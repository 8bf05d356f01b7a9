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
 * Session cookie policy: cookie-only tracking (never a session id in a URL), HttpOnly, SameSite=Lax
 * (the Livestorm callback is a top-level GET, which Lax lets through), and Secure with the {@code
 * __Host-} name prefix whenever the app's public URL is HTTPS, which covers TLS terminated at a
 * proxy.
 */
@WebListener
public class SessionCookies implements ServletContextListener {
  @Inject Settings settings;

  static String name(boolean https) {
    return https ? "__Host-LSCSESSION" : "LSCSESSION";
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    SessionCookieConfig cookie = context.getSessionCookieConfig();
    cookie.setName(name(settings.isHttps()));
    cookie.setHttpOnly(true);
    cookie.setSecure(settings.isHttps());
    if (settings.isHttps()) {
      // The __Host- prefix makes browsers refuse the cookie unless it is Secure, has Path=/ and
      // no Domain: a sibling subdomain or a plain-http page cannot plant a session id.
      cookie.setPath("/");
    }
    // The one place SameSite is set (standard since Servlet 6.0); server-wide settings such as
    // Payara's cookie-same-site-enabled would add it a second time.
    cookie.setAttribute("SameSite", "Lax");
  }
}
