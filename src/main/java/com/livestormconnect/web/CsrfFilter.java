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
 * Refuses every state-changing request without the session's CSRF token (403, nothing changed).
 * The sandbox's OAuth and API endpoints are excluded: they are Livestorm's, called by servers with
 * client credentials or bearer tokens, and the sandbox guards its own consent form.
 */
@WebFilter(filterName = "csrf", urlPatterns = "/*")
public class CsrfFilter extends HttpFilter {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean exempt = SAFE.contains(request.getMethod())
        || request.getRequestURI().startsWith(request.getContextPath() + "/sandbox/");
    if (exempt || CsrfTokens.isValid(request)) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(ErrorServlet.REASON, "error.csrf");
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
