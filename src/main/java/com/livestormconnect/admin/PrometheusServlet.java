package com.livestormconnect.admin;

import com.livestormconnect.config.Settings;
import com.livestormconnect.web.MetricsToken;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /metrics} in the Prometheus text format (OpenMetrics when the scraper asks for it),
 * for a signed-in administrator or a caller sending {@code Authorization: Bearer <METRICS_TOKEN>}.
 * Anyone else gets 401 (no credentials) or 403 (signed in, not an administrator), as plain text: a
 * scraper has no use for the HTML error page.
 */
@WebServlet("/metrics")
public class PrometheusServlet extends HttpServlet {
  @Inject Settings settings;

  @Inject PrometheusMetrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!request.isUserInRole("admin")
        && !MetricsToken.matches(
            request.getHeader("Authorization"), settings.operations().metricsToken())) {
      boolean signedIn = request.getRemoteUser() != null;
      response.setStatus(
          signedIn ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED);
      if (!signedIn) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
      }
      response.setContentType("text/plain;charset=UTF-8");
      response
          .getWriter()
          .write(
              signedIn
                  ? "Administrators only.\n"
                  : "Sign in as an administrator or send Authorization: Bearer <METRICS_TOKEN>.\n");
      return;
    }
    String accept = request.getHeader("Accept");
    response.setContentType(metrics.contentType(accept));
    response.setHeader("Cache-Control", "no-store");
    metrics.write(accept, response.getOutputStream());
  }
}
