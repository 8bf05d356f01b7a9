package com.livestormconnect.partner;

import com.livestormconnect.copy.CopyChanged;
import com.livestormconnect.copy.CopyChanged.Change;
import com.livestormconnect.copy.CopyChanged.Kind;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * PartnerForwardingIT's way into the server (its deployment only): {@code ?person=<id>&change=...}
 * fires a {@link CopyChanged} as the copy does after a commit; {@code ?status=<webhook-id>} tells a
 * message's state in the queue. A GET, so that the test needs no CSRF token for it.
 */
@WebServlet("/test/partner")
public class ChangeTrigger extends HttpServlet {
  @Inject Event<CopyChanged> changes;

  @Inject OutboundQueue queue;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain;charset=UTF-8");
    String status = request.getParameter("status");
    if (status != null) {
      response.getWriter().write(queue.status(status).orElse("none"));
      return;
    }
    Change change = Change.valueOf(request.getParameter("change"));
    changes.fire(
        new CopyChanged(
            42,
            Kind.PERSON,
            request.getParameter("person"),
            "session-1",
            change,
            change == Change.UPDATED ? Set.of("attended") : Set.of(),
            change == Change.DELETED ? null : Instant.parse("2026-12-06T12:00:00Z")));
    response.getWriter().write("fired");
  }
}
