package com.livestormconnect.web;

import com.livestormconnect.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Probes for orchestrators and load balancers, as JSON. {@code /health/live}: the process and the
 * app are up (restart it if not); it checks nothing else, so a database outage never restarts every
 * node. {@code /health/ready}: the node can serve ({@link HealthChecks}); 503 takes it out of
 * rotation until it can. Anyone gets the status; only a signed-in administrator or a caller with
 * the metrics token gets each check's details (mode, schema version, Livestorm host), which tell an
 * attacker what runs here. {@code /health} (HealthServlet) stays as it was.
 */
@WebServlet({"/health/live", "/health/ready"})
public class HealthProbeServlet extends HttpServlet {
  @Inject HealthChecks checks;

  @Inject Settings settings;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    if (request.getServletPath().endsWith("/live")) {
      response.getWriter().write("{\"status\":\"UP\"}");
      return;
    }
    List<HealthChecks.Check> results = checks.readiness();
    response.setStatus(HealthChecks.ready(results) ? 200 : 503);
    boolean operator =
        request.isUserInRole("admin")
            || MetricsToken.matches(
                request.getHeader("Authorization"), settings.operations().metricsToken());
    response
        .getWriter()
        .write((operator ? HealthChecks.json(results) : HealthChecks.status(results)).toString());
  }
}
