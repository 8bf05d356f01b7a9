package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException.Kind;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.web.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /events/{id}}: an event, its sessions, registrants against attendees per session, and
 * totals. {@code /events/{id}/edit} and {@code /events/{id}/delete}: the edit form and the delete
 * confirmation (GET shows, POST does).
 */
@WebServlet("/events/*")
public class EventServlet extends HttpServlet {
  static final int SESSIONS_PER_PAGE = 25;

  @Inject
  DashboardPages pages;

  @Inject
  LivestormClient client;

  @Inject
  Messages messages;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = DashboardPages.idAt(request, 0);
    String action = DashboardPages.action(request);
    if (id == null || !List.of("", "edit", "delete").contains(action)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    DashboardPage page = pages.open(request).put("eventId", id);
    if (!page.allows("events:read")) {
      pages.render(request, response, "events/event", page.put("event", null));
      return;
    }
    // The details page needs the event and its sessions: both at once. Edit and delete forms
    // read the event live (a form must not start from a stale copy).
    // The event is fetched on a pool thread while this thread fetches the sessions (ListPages: a
    // page past the end becomes the last page).
    PageCalls.Later<Event> eventCall = action.isEmpty()
        ? page.calls().start(call(id), () -> client.event(page.access(), id)) : null;
    Optional<Page<Session>> sessions = action.isEmpty() ? sessions(page, request, id) : Optional.empty();
    Optional<Event> event = eventCall != null
        ? eventCall.get()
        : page.attempt(() -> client.event(page.access(), id));
    if (page.problems().has(Kind.NOT_FOUND)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    page.put("event", event.orElse(null));
    switch (action) {
      case "edit" -> edit(request, response, page, event.map(EventForm::of).orElse(EventForm.BLANK), Map.of(), 200);
      case "delete" -> pages.render(request, response, "events/delete", page);
      default -> details(request, response, page, sessions);
    }
  }

  /** The name of the one-event call for {@link PageCalls}. */
  static String call(String eventId) {
    return "event/" + eventId;
  }

  private Optional<Page<Session>> sessions(DashboardPage page, HttpServletRequest request, String id) {
    int number = DashboardPages.pageNumber(request);
    return ListPages.fetch(request, page, "/events/" + id, number,
        n -> page.calls().fetchOrThrow(call(id) + "/sessions?page=" + n + "&size=" + SESSIONS_PER_PAGE,
            () -> client.eventSessions(page.access(), id, n, SESSIONS_PER_PAGE)));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = DashboardPages.idAt(request, 0);
    String action = DashboardPages.action(request);
    if (id == null || !List.of("edit", "delete").contains(action)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    DashboardPage page = pages.open(request).put("eventId", id);
    if (!page.allows("events:write")) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (action.equals("delete")) {
      delete(request, response, page, id);
    } else {
      update(request, response, page, id);
    }
  }

  private void details(HttpServletRequest request, HttpServletResponse response, DashboardPage page,
      Optional<Page<Session>> sessions) throws IOException {
    List<Session> list = page.calls().keepEachOfLast(sessions.map(Page::items).orElse(List.of()),
        s -> SessionServlet.call(s.id()));
    page.put("sessions", list);
    page.put("paging", sessions.map(s -> Paging.of(s.meta())).orElse(null));
    page.put("totals", EventTotals.of(list));
    page.put("chart", chart(list, page, request.getLocale()));
    pages.render(request, response, "events/event", page);
  }

  private BarChart chart(List<Session> sessions, DashboardPage page, Locale locale) {
    // "By start date": Livestorm pages sessions in its own order, so sort them here.
    List<BarChart.Group> groups = sessions.stream()
        .sorted(Comparator.comparing(Session::start, Comparator.nullsLast(Comparator.naturalOrder())))
        .map(s -> new BarChart.Group(page.time().date(s.start()),
            List.of((double) s.registrantsCount(), (double) s.attendeesCount())))
        .toList();
    return new BarChart("sessions-chart", messages.text(locale, "event.chart.title"),
        messages.text(locale, "event.chart.description"),
        List.of(messages.text(locale, "event.registrants"), messages.text(locale, "event.attendees")),
        groups, locale);
  }

  private void update(HttpServletRequest request, HttpServletResponse response, DashboardPage page,
      String id) throws IOException {
    EventForm form = EventForm.from(request);
    Map<String, String> errors = form.errors();
    if (!errors.isEmpty()) {
      page.put("event", page.attempt(() -> client.event(page.access(), id)).orElse(null));
      edit(request, response, page, form, errors, 400);
      return;
    }
    Optional<Event> updated = page.attempt(() -> client.updateEvent(page.access(), id, form.toDraft()));
    if (updated.isEmpty()) {
      page.put("event", null);
      edit(request, response, page, form, Map.of(), page.problems().has(Kind.NOT_FOUND) ? 404 : 502);
      return;
    }
    pages.redirect(request, response, "/events/" + id, "flash.eventUpdated");
  }

  private void delete(HttpServletRequest request, HttpServletResponse response, DashboardPage page,
      String id) throws IOException {
    if (!"yes".equals(request.getParameter("confirm"))) {
      pages.redirect(request, response, "/events/" + id + "/delete", null);
      return;
    }
    if (page.problems().attempt(() -> client.deleteEvent(page.access(), id))
        || page.problems().has(Kind.NOT_FOUND)) {
      pages.redirect(request, response, "/events", "flash.eventDeleted");
      return;
    }
    page.put("event", null);
    pages.render(request, response, 502, "events/delete", page);
  }

  private void edit(HttpServletRequest request, HttpServletResponse response, DashboardPage page,
      EventForm form, Map<String, String> errors, int status) throws IOException {
    page.put("form", form).put("errors", errors).put("statuses", EventForm.STATUSES);
    pages.render(request, response, status, "events/edit", page);
  }
}
