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
import java.util.Set;

/**
 * {@code /events/{id}}: an event, its sessions, registrants against attendees per session, and
 * totals. {@code /events/{id}/edit} and {@code /events/{id}/delete}: the edit form and the delete
 * confirmation (GET shows, POST does).
 */
@WebServlet("/events/*")
public class EventServlet extends HttpServlet {
  static final int SESSIONS_PER_PAGE = 25;

  /** The event's page, its edit form and its delete confirmation: what GET shows. */
  private static final Set<String> SHOWN = Set.of("", "edit", "delete");

  /** What POST does. */
  private static final Set<String> DONE = Set.of("edit", "delete");

  @Inject DashboardPages pages;

  @Inject LivestormClient client;

  @Inject Messages messages;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ItemPage> item = ItemPage.open(pages, request, response, "eventId", SHOWN);
    if (item.isPresent() && item.get().readable("events:read", "events/event")) {
      show(item.get());
    }
  }

  private void show(ItemPage item) throws IOException {
    String id = item.id();
    DashboardPage page = item.page();
    boolean details = item.action().isEmpty();
    // The details page needs the event and its sessions: both at once. Edit and delete forms
    // read the event live (a form must not start from a stale copy).
    // The event is fetched on a pool thread while this thread fetches the sessions (ListPages: a
    // page past the end becomes the last page).
    PageCalls.Later<Event> eventCall =
        details ? page.calls().start(call(id), () -> client.event(page.access(), id)) : null;
    Optional<Page<Session>> sessions =
        details ? sessions(page, item.request(), id) : Optional.empty();
    Optional<Event> event =
        eventCall != null ? eventCall.get() : page.attempt(() -> client.event(page.access(), id));
    if (!item.found("event", event)) {
      return;
    }
    switch (item.action()) {
      case "edit" -> edit(item, event.map(EventForm::of).orElse(EventForm.BLANK), Map.of(), 200);
      case "delete" -> item.render("events/delete");
      default -> details(item, sessions);
    }
  }

  /** The name of the one-event call for {@link PageCalls}. */
  static String call(String eventId) {
    return "event/" + eventId;
  }

  private Optional<Page<Session>> sessions(
      DashboardPage page, HttpServletRequest request, String id) {
    int number = DashboardPages.pageNumber(request);
    return ListPages.fetch(
        request,
        page,
        "/events/" + id,
        number,
        n ->
            page.calls()
                .fetchOrThrow(
                    call(id) + "/sessions?page=" + n + "&size=" + SESSIONS_PER_PAGE,
                    () -> client.eventSessions(page.access(), id, n, SESSIONS_PER_PAGE)));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ItemPage> item = ItemPage.open(pages, request, response, "eventId", DONE);
    if (item.isPresent() && item.get().permits("events:write")) {
      if (item.get().action().equals("delete")) {
        delete(item.get());
      } else {
        update(item.get());
      }
    }
  }

  private void details(ItemPage item, Optional<Page<Session>> sessions) throws IOException {
    DashboardPage page = item.page();
    List<Session> list =
        page.calls()
            .keepEachOfLast(
                sessions.map(Page::items).orElse(List.of()), s -> SessionServlet.call(s.id()));
    page.put("sessions", list);
    page.put("paging", sessions.map(s -> Paging.of(s.meta())).orElse(null));
    page.put("totals", EventTotals.of(list));
    page.put("chart", chart(list, page, item.request().getLocale()));
    item.render("events/event");
  }

  private BarChart chart(List<Session> sessions, DashboardPage page, Locale locale) {
    // "By start date": Livestorm pages sessions in its own order, so sort them here.
    List<BarChart.Group> groups =
        sessions.stream()
            .sorted(
                Comparator.comparing(
                    Session::start, Comparator.nullsLast(Comparator.naturalOrder())))
            .map(
                s ->
                    new BarChart.Group(
                        page.time().date(s.start()),
                        List.of((double) s.registrantsCount(), (double) s.attendeesCount())))
            .toList();
    return new BarChart(
        "sessions-chart",
        messages.text(locale, "event.chart.title"),
        messages.text(locale, "event.chart.description"),
        List.of(
            messages.text(locale, "event.registrants"), messages.text(locale, "event.attendees")),
        groups,
        locale);
  }

  private void update(ItemPage item) throws IOException {
    String id = item.id();
    DashboardPage page = item.page();
    EventForm form = EventForm.from(item.request());
    Map<String, String> errors = form.errors();
    if (!errors.isEmpty()) {
      page.put("event", page.attempt(() -> client.event(page.access(), id)).orElse(null));
      edit(item, form, errors, 400);
      return;
    }
    Optional<Event> updated =
        page.attempt(() -> client.updateEvent(page.access(), id, form.toDraft()));
    if (updated.isEmpty()) {
      page.put("event", null);
      edit(item, form, Map.of(), page.problems().has(Kind.NOT_FOUND) ? 404 : 502);
      return;
    }
    item.redirectToItem("", "flash.eventUpdated");
  }

  private void delete(ItemPage item) throws IOException {
    DashboardPage page = item.page();
    if (!"yes".equals(item.request().getParameter("confirm"))) {
      item.redirectToItem("delete", null);
      return;
    }
    if (page.problems().attempt(() -> client.deleteEvent(page.access(), item.id()))
        || page.problems().has(Kind.NOT_FOUND)) {
      item.redirect("/events", "flash.eventDeleted");
      return;
    }
    page.put("event", null);
    item.render(502, "events/delete");
  }

  private void edit(ItemPage item, EventForm form, Map<String, String> errors, int status)
      throws IOException {
    item.page().put("form", form).put("errors", errors).put("statuses", EventForm.STATUSES);
    item.render(status, "events/edit");
  }
}
