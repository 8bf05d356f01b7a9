package com.livestormconnect.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Refuses every state-changing request without the session's CSRF token (403, nothing changed). The
 * sandbox's OAuth and API endpoints are excluded: they are Livestorm's, called by servers with
 * client credentials or bearer tokens, and the sandbox guards its own consent form; so is the
 * webhook receiver, whose callers are Livestorm's servers. The exemption is decided on the path the
 * container actually dispatches to (servlet path + path info, decoded and normalised), never on the
 * raw URI: {@code /sandbox/..%2fconnect/disconnect} or {@code /sandbox/..;/login} would otherwise
 * skip the check on an app endpoint.
 */
@WebFilter(filterName = "csrf", urlPatterns = "/*")
public class CsrfFilter extends HttpFilter {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean exempt =
        SAFE.contains(request.getMethod()) || isSandbox(request) || isWebhookReceiver(request);
    if (exempt || CsrfTokens.isValid(request)) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(ErrorServlet.REASON, "error.csrf");
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }

  static boolean isSandbox(HttpServletRequest request) {
    return dispatchedPath(request).startsWith("/sandbox/");
  }

  /**
   * Livestorm's webhook deliveries: posted by Livestorm's servers, which have no session, and
   * authenticated by their signature and the unguessable token in the path instead.
   */
  static boolean isWebhookReceiver(HttpServletRequest request) {
    return dispatchedPath(request).startsWith("/webhooks/livestorm/");
  }

  private static String dispatchedPath(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }
}
