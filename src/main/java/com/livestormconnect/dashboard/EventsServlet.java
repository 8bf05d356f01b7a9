package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.EventQuery;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Page;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /events}: the events list, paged as Livestorm pages it, filtered by scheduling status and
 * title. {@code /events/new} and {@code POST /events}: the create form and its submission.
 */
@WebServlet({"/events", "/events/new"})
public class EventsServlet extends HttpServlet {
  static final int PAGE_SIZE = 20;

  /** Livestorm's values of {@code filter[scheduling_status]}. */
  static final List<String> STATUSES =
      List.of(
          "live",
          "upcoming",
          "on_demand",
          "ended",
          "not_started",
          "draft",
          "cancelled",
          "not_scheduled");

  @Inject DashboardPages pages;

  @Inject LivestormClient client;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DashboardPage page = pages.open(request);
    if ("/events/new".equals(request.getServletPath())) {
      form(request, response, page, EventForm.BLANK, Map.of(), 200);
      return;
    }
    String status =
        Optional.ofNullable(request.getParameter("status")).filter(STATUSES::contains).orElse("");
    String title = Optional.ofNullable(request.getParameter("q")).map(String::strip).orElse("");
    page.put("status", status).put("q", title).put("statuses", STATUSES);
    if (page.allows("events:read")) {
      EventQuery query =
          new EventQuery(title.isEmpty() ? null : title, status.isEmpty() ? null : status);
      int number = DashboardPages.pageNumber(request);
      Optional<Page<Event>> events =
          ListPages.fetch(
              request,
              page,
              "/events?" + status + "&" + title,
              number,
              n ->
                  page.calls()
                      .fetchOrThrow(
                          call(title, status, n, PAGE_SIZE),
                          () -> client.events(page.access(), query, n, PAGE_SIZE)));
      page.put(
          "events",
          page.calls()
              .keepEachOfLast(
                  events.map(Page::items).orElse(List.of()), e -> EventServlet.call(e.id())));
      page.put("paging", events.map(e -> Paging.of(e.meta())).orElse(null));
    }
    pages.render(request, response, "events", page);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DashboardPage page = pages.open(request);
    EventForm form = EventForm.from(request);
    if (!page.allows("events:write")) {
      form(request, response, page, form, Map.of(), 403);
      return;
    }
    Map<String, String> errors = form.errors();
    if (!errors.isEmpty()) {
      form(request, response, page, form, errors, 400);
      return;
    }
    Optional<Event> created = page.attempt(() -> client.createEvent(page.access(), form.toDraft()));
    if (created.isEmpty()) {
      form(request, response, page, form, Map.of(), 502);
      return;
    }
    pages.redirect(request, response, "/events/" + created.get().id(), "flash.eventCreated");
  }

  /** The name of a list-of-events call for {@link PageCalls}: its filters and its page. */
  static String call(String title, String status, int number, int size) {
    return "events?q="
        + (title == null ? "" : title)
        + "&status="
        + (status == null ? "" : status)
        + "&page="
        + number
        + "&size="
        + size;
  }

  private void form(
      HttpServletRequest request,
      HttpServletResponse response,
      DashboardPage page,
      EventForm form,
      Map<String, String> errors,
      int status)
      throws IOException {
    page.put("form", form)
        .put("errors", errors)
        .put("event", null)
        .put("statuses", EventForm.STATUSES);
    pages.render(request, response, status, "events/edit", page);
  }
}
