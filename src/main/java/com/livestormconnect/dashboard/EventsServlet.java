package com.livestormconnect.dashboard;

import com.livestormconnect.copy.CopyPage;
import com.livestormconnect.copy.EventFilter;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.copy.Scope;
import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.EventQuery;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.Resources;
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
 * {@code /events}: the events list, filtered by scheduling status and title: from the local copy
 * once it holds the whole list (paged here), else from Livestorm, paged as Livestorm pages it.
 * {@code /events/new} and {@code POST /events}: the create form and its submission.
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

  @Inject LocalCopy copy;

  @Inject CopyWrites writes;

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
      int number = DashboardPages.pageNumber(request);
      EventFilter filter =
          new EventFilter(title.isEmpty() ? null : title, status.isEmpty() ? null : status, false);
      Optional<CopyPage<Event>> kept = copy.events(page.accountId(), filter, number, PAGE_SIZE);
      if (kept.isPresent() && number > 0 && number >= kept.get().pageCount()) {
        // A stale link past the end of the list: the last page, with a notice.
        page.put("pagingNotice", ListPages.PAST_THE_END);
        int last = Math.max(0, kept.get().pageCount() - 1);
        kept = copy.events(page.accountId(), filter, last, PAGE_SIZE);
      }
      if (kept.isPresent()) {
        CopyPage<Event> events = kept.get();
        page.fromCopy(events.asOf())
            .put("events", events.items())
            .put("paging", Paging.of(events.page(), events.pageCount(), events.total()));
      } else {
        EventQuery query = new EventQuery(filter.title(), filter.schedulingStatus());
        Optional<Page<Event>> events =
            ListPages.fetch(
                request,
                page,
                "/events?" + status + "&" + title,
                number,
                n -> client.events(page.access(), query, n, PAGE_SIZE));
        page.put("events", events.map(Page::items).orElse(List.of()));
        page.put("paging", events.map(e -> Paging.of(e.meta())).orElse(null));
      }
      page.refreshable(new RefreshTarget(RefreshTarget.Kind.EVENTS, null));
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
    Optional<Event> created =
        page.attempt(() -> client.createEventResource(page.access(), form.toDraft()))
            .map(
                resource ->
                    writes.written(
                        page.accountId(),
                        "events",
                        resource,
                        Scope.events(),
                        Resources.event(resource)));
    if (created.isEmpty()) {
      form(request, response, page, form, Map.of(), 502);
      return;
    }
    pages.redirect(request, response, "/events/" + created.get().id(), "flash.eventCreated");
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
