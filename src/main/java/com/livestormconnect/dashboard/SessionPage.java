package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.web.Messages;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /sessions/{id}}: the session, its event and breakout rooms, and its people a page at a
 * time, filtered by attendance and role, sorted, with their attendance-rate distribution.
 */
@Dependent
class SessionPage {
  static final int PEOPLE_PER_PAGE = LivestormClient.MAX_PAGE_SIZE;

  @Inject LivestormClient client;

  @Inject Messages messages;

  void show(ItemPage item, Optional<Session> session) throws IOException {
    HttpServletRequest request = item.request();
    DashboardPage page = item.page();
    String id = item.id();
    // The event and the breakout rooms are independent of the people: fetched at the same time.
    PageCalls.Later<Event> event =
        session
            .map(
                s ->
                    page.calls()
                        .start(
                            EventServlet.call(s.eventId()),
                            () -> client.event(page.access(), s.eventId())))
            .orElse(null);
    PageCalls.Later<Page<Session>> rooms =
        session
            .filter(s -> !s.isBreakoutRoom())
            .map(
                s ->
                    page.calls()
                        .start(
                            EventServlet.call(s.eventId()) + "/sessions?breakout_rooms",
                            () ->
                                client.eventSessionsWithBreakoutRooms(
                                    page.access(), s.eventId(), 0, LivestormClient.MAX_PAGE_SIZE)))
            .orElse(null);
    Boolean attended =
        switch (String.valueOf(request.getParameter("attended"))) {
          case "yes" -> Boolean.TRUE;
          case "no" -> Boolean.FALSE;
          default -> null;
        };
    // Livestorm lists hosts and moderators among a session's people: participants unless asked.
    String role =
        "team".equals(request.getParameter("role")) ? Person.TEAM_MEMBER : Person.PARTICIPANT;
    int number = DashboardPages.pageNumber(request);
    Optional<Page<Person>> people =
        ListPages.fetch(
            request,
            page,
            "/sessions/" + id + "?" + attended + role,
            number,
            n ->
                page.calls()
                    .fetchOrThrow(
                        SessionServlet.call(id)
                            + "/people?attended="
                            + attended
                            + "&role="
                            + role
                            + "&page="
                            + n
                            + "&size="
                            + PEOPLE_PER_PAGE,
                        () ->
                            client.sessionPeople(
                                page.access(), id, attended, role, n, PEOPLE_PER_PAGE)));
    if (event != null) {
      page.put("event", event.get().orElse(null));
    }
    session.ifPresent(s -> page.put("breakoutRooms", breakoutRooms(s, rooms)));
    List<Person> list = new ArrayList<>(people.map(Page::items).orElse(List.of()));
    PeopleOrder order = PeopleOrder.of(request.getParameter("sort"));
    boolean descending = "desc".equals(request.getParameter("dir"));
    if (order != null) {
      list.sort(order.comparator(request.getLocale(), descending));
    }
    page.put("people", list)
        .put("paging", people.map(p -> Paging.of(p.meta())).orElse(null))
        .put("sort", order == null ? "" : order.key())
        .put("dir", descending ? "desc" : "asc")
        .put("attended", attended == null ? "" : attended ? "yes" : "no")
        .put("role", Person.TEAM_MEMBER.equals(role) ? "team" : "")
        .put("chart", chart(list, request.getLocale()));
    item.render("sessions/session");
  }

  /**
   * The session's breakout rooms, shown under it: the event's sessions with their rooms (one page
   * of 50: an event rarely has more), keeping those whose parent is this session.
   */
  private static List<Session> breakoutRooms(
      Session session, PageCalls.Later<Page<Session>> rooms) {
    if (rooms == null) {
      return List.of();
    }
    return rooms.get().map(Page::items).orElse(List.of()).stream()
        .filter(room -> session.id().equals(room.breakoutRoomParentId()))
        .toList();
  }

  private BarChart chart(List<Person> people, Locale locale) {
    return AttendanceChart.of(
        people,
        messages.text(locale, "session.chart.title"),
        messages.text(locale, "session.chart.description"),
        messages.text(locale, "session.chart.series"),
        locale);
  }
}
