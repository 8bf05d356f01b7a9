package com.livestormconnect.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The landing page: what the product does, and the way in (or back to the dashboard). */
@WebServlet("")
public class HomeServlet extends HttpServlet {
  @Inject Templates templates;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    templates.render(request, response, "index", Map.of());
  }
}
