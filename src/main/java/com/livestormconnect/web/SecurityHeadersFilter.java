package com.livestormconnect.web;

import com.livestormconnect.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
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
  @Inject Settings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, response, settings);
    boolean https = settings.isHttps() || ProxyHeaders.isHttps(request, settings.trustedProxies());
    chain.doFilter(
        new SameSiteSessions(request, response, https),
        new BaseUrlRedirects(request, response, settings.appBaseUrl()));
  }

  static String policy(Settings settings) {
    URI authorize = settings.livestorm().authorizeUrl();
    String authorizeOrigin = authorize.getScheme() + "://" + authorize.getAuthority();
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " font-src 'self'; connect-src 'self'; form-action 'self' "
        + authorizeOrigin
        + ";"
        + " frame-ancestors 'none'; base-uri 'none'";
  }

  /**
   * Sets the headers; also called by answers sent before any filter runs (the sign-in mechanism's
   * redirect), so that every response carries them.
   */
  public static void apply(
      HttpServletRequest request, HttpServletResponse response, Settings settings) {
    response.setHeader("Content-Security-Policy", policy(settings));
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (settings.isHttps() || ProxyHeaders.isHttps(request, settings.trustedProxies())) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    if (!isStatic(request)) {
      // Pages show a user's own data: never keep them in shared or back-button caches.
      response.setHeader("Cache-Control", "no-store");
    }
  }

  private static boolean isStatic(HttpServletRequest request) {
    return request.getServletPath().startsWith("/static/");
  }
}
