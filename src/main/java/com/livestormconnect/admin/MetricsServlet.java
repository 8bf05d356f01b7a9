package com.livestormconnect.admin;

import com.livestormconnect.livestorm.budget.CallBudget;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Call counters as JSON for administrators (web.xml restricts /admin/*): totals and per connection,
 * since this node started. Connection ids only, never a token or a user's data. Prometheus scrapes
 * {@code /metrics} ({@link PrometheusServlet}) instead.
 */
@WebServlet("/admin/metrics.json")
public class MetricsServlet extends HttpServlet {
  @Inject CallBudget budget;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    JsonObjectBuilder connections = Json.createObjectBuilder();
    budget.countersByConnection().forEach((id, snapshot) -> connections.add(id, json(snapshot)));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("total", json(budget.totals().calls()))
                .add("connections", connections)
                .build()
                .toString());
  }

  static JsonObjectBuilder json(CallBudget.Counters s) {
    return Json.createObjectBuilder()
        .add("calls", s.calls())
        .add("failures", s.failures())
        .add("rateLimited", s.rateLimited())
        .add("retries", s.retries())
        .add("refreshes", s.refreshes())
        .add("refreshFailures", s.refreshFailures())
        .add("permitWaitMillis", s.permitWait().toMillis())
        .add("averageCallMillis", Math.round(s.averageCallMillis() * 10) / 10.0);
  }
}
