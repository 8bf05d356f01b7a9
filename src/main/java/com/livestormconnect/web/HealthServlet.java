package com.livestormconnect.web;

import com.livestormconnect.database.Database;
import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** For load balancers: UP only when the database answers. */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {
  private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean up = databaseAnswers();
    response.setStatus(up ? 200 : 503);
    response.setContentType("application/json");
    response.getWriter().write(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
  }

  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Health check: database unreachable ({0})", e.getSQLState());
      return false;
    }
  }
}
