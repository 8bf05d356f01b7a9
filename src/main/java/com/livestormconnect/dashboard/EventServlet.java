package com.livestormconnect.dashboard;

import com.livestormconnect.copy.Copied;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.copy.Scope;
import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException.Kind;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.Resources;
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

  @Inject LocalCopy copy;

  @Inject CopyWrites writes;

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
    // The details page reads the event and its sessions from the copy when it holds them; edit
    // and delete forms read the event live (a form must not start from a stale copy).
    Optional<Copied<Event>> keptEvent =
        details ? copy.event(page.accountId(), id).filter(e -> e.asOf() != null) : Optional.empty();
    Optional<Copied<List<Session>>> keptSessions =
        details ? copy.sessions(page.accountId(), id) : Optional.empty();
    // What the copy lacks is read live: the event on a pool thread while this thread reads the
    // sessions (ListPages: a page past the end becomes the last page).
    PageCalls.Later<Event> eventCall =
        keptEvent.isEmpty() ? page.calls().start(() -> client.event(page.access(), id)) : null;
    Optional<Page<Session>> sessions =
        details && keptSessions.isEmpty() ? sessions(page, item.request(), id) : Optional.empty();
    Optional<Event> event = keptEvent.map(Copied::value).or(() -> eventCall.get());
    keptEvent.ifPresent(e -> page.fromCopy(e.asOf()));
    if (!item.found("event", event)) {
      return;
    }
    switch (item.action()) {
      case "edit" -> edit(item, event.map(EventForm::of).orElse(EventForm.BLANK), Map.of(), 200);
      case "delete" -> item.render("events/delete");
      default -> {
        if (keptSessions.isPresent()) {
          kept(item, keptSessions.get());
        } else {
          details(item, sessions);
        }
      }
    }
  }

  private Optional<Page<Session>> sessions(
      DashboardPage page, HttpServletRequest request, String id) {
    int number = DashboardPages.pageNumber(request);
    return ListPages.fetch(
        request,
        page,
        "/events/" + id,
        number,
        n -> client.eventSessions(page.access(), id, n, SESSIONS_PER_PAGE));
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

  /** The sessions Livestorm answered: one page of its order, sorted by start on this page. */
  private void details(ItemPage item, Optional<Page<Session>> sessions) throws IOException {
    DashboardPage page = item.page();
    List<Session> list = byStart(sessions.map(Page::items).orElse(List.of()));
    page.put("sessions", list);
    page.put("paging", sessions.map(s -> Paging.of(s.meta())).orElse(null));
    page.put("totals", EventTotals.of(list));
    page.put("chart", chart(list, page, item.request().getLocale()));
    page.refreshable(new RefreshTarget(RefreshTarget.Kind.EVENT, item.id()));
    item.render("events/event");
  }

  /**
   * The sessions the copy holds, all of them by start (breakout rooms are shown on their session's
   * page): totals and chart over every session, the table a page at a time.
   */
  private void kept(ItemPage item, Copied<List<Session>> kept) throws IOException {
    DashboardPage page = item.page();
    List<Session> all = kept.value().stream().filter(s -> !s.isBreakoutRoom()).toList();
    int pageCount = Math.max(1, (all.size() + SESSIONS_PER_PAGE - 1) / SESSIONS_PER_PAGE);
    int number = DashboardPages.pageNumber(item.request());
    if (number >= pageCount) {
      page.put("pagingNotice", ListPages.PAST_THE_END);
      number = pageCount - 1;
    }
    int from = number * SESSIONS_PER_PAGE;
    page.fromCopy(kept.asOf())
        .put("sessions", all.subList(from, Math.min(all.size(), from + SESSIONS_PER_PAGE)))
        .put("paging", Paging.of(number, pageCount, all.size()))
        .put("totals", EventTotals.of(all))
        .put("chart", chart(all, page, item.request().getLocale()));
    page.refreshable(new RefreshTarget(RefreshTarget.Kind.EVENT, item.id()));
    item.render("events/event");
  }

  /** By start date, in the table as in the chart; sessions with no date last. */
  static List<Session> byStart(List<Session> sessions) {
    return sessions.stream()
        .sorted(
            Comparator.comparing(Session::start, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  private BarChart chart(List<Session> sessions, DashboardPage page, Locale locale) {
    List<BarChart.Group> groups =
        byStart(sessions).stream()
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
        page.attempt(() -> client.updateEventResource(page.access(), id, form.toDraft()))
            .map(
                resource ->
                    writes.written(
                        page.accountId(),
                        "events",
                        resource,
                        Scope.events(),
                        Resources.event(resource)));
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
      writes.deleted(page.accountId(), item.id());
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
