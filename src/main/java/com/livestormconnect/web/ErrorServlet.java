package com.livestormconnect.web;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Error pages in the layout (web.xml sends 400, 403, 404, 405, 429, 500 and uncaught exceptions
 * here). The page names the problem in plain words; the stack trace goes to the log only.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {
  /** Request attribute: a message key that says more precisely what went wrong. */
  public static final String REASON = ErrorServlet.class.getName() + ".reason";

  private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

  @Inject Templates templates;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure != null && status >= 400 && status < 500) {
      // Open Liberty reports a refused security constraint as an exception with status 403: a
      // refusal to show as such, not a failure.
      LOG.fine(
          () ->
              "HTTP "
                  + code
                  + " with "
                  + failure.getClass().getName()
                  + " on "
                  + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    } else if (failure != null) {
      // Exception messages can quote request data: the classes, the frames and the URI are
      // logged, never a message.
      LOG.log(
          Level.SEVERE,
          "Unhandled "
              + failure.getClass().getName()
              + " on "
              + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          MessageFreeFailure.of(failure));
      status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
    Object reason = request.getAttribute(REASON);
    String messageKey =
        reason != null
            ? reason.toString()
            : "error."
                + switch (status) {
                  case 400, 403, 404, 405, 413, 429 -> status;
                  default -> 500;
                };
    templates.render(
        request, response, status, "error", Map.of("status", status, "messageKey", messageKey));
  }
}
