package com.livestormconnect.web;

import com.livestormconnect.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Security headers on every response. The policy allows no inline script and no third-party
 * content; {@code form-action} also names Livestorm's authorization server, because browsers apply
 * it to the redirect that follows the connect form.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {
  @Inject
  Settings settings;

  private String policy;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    URI authorize = settings.livestorm().authorizeUrl();
    String authorizeOrigin = authorize.getScheme() + "://" + authorize.getAuthority();
    policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " font-src 'self'; connect-src 'self'; form-action 'self' " + authorizeOrigin + ";"
        + " frame-ancestors 'none'; base-uri 'none'";
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (isHttps(request)) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    if (!isStatic(request)) {
      // Pages show a user's own data: never keep them in shared or back-button caches.
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }

  /** HTTPS directly, or behind a proxy that says so. */
  public static boolean isHttps(HttpServletRequest request) {
    return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }

  private static boolean isStatic(HttpServletRequest request) {
    return request.getServletPath().startsWith("/static/");
  }
}
