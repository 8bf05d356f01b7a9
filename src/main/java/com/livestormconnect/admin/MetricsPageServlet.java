package com.livestormconnect.admin;

import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The call counters of {@code /metrics}, as a page for administrators. */
@WebServlet("/admin/metrics")
public class MetricsPageServlet extends HttpServlet {
  @Inject Templates templates;

  @Inject CallBudget budget;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    templates.render(
        request,
        response,
        "admin/metrics",
        Map.of("total", budget.totals().calls(), "connections", budget.countersByConnection()));
  }
}
