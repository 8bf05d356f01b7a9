package com.livestormconnect.dashboard;

import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The signed-in user's home: their Livestorm connection and what they can do with it. */
@WebServlet("/dashboard")
public class DashboardServlet extends HttpServlet {
  @Inject
  Templates templates;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    templates.render(request, response, "dashboard", Map.of());
  }
}
