package com.livestormconnect.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * In production mode the sandbox does not exist: every {@code /sandbox/...} request, whatever its
 * method, gets the app's ordinary 404 page. The mode is read per request (two property lookups),
 * which lets an in-container test switch to production and back without a second server.
 */
@WebFilter(filterName = "sandboxGate", urlPatterns = "/sandbox/*")
public class SandboxGate extends HttpFilter {
  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (SandboxSettings.current().enabled()) {
      chain.doFilter(request, response);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
