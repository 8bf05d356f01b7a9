package com.livestormconnect.dashboard;

import com.livestormconnect.copy.Copied;
import com.livestormconnect.copy.CopyPage;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.copy.PeopleQuery;
import com.livestormconnect.copy.Scope;
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
 * time, filtered by attendance and role, sorted, with their attendance-rate distribution. From the
 * local copy when it holds the session's people: then searched by name or e-mail and sorted across
 * all of them; else from Livestorm, which can neither search nor sort, so a sort orders one page.
 */
@Dependent
class SessionPage {
  static final int PEOPLE_PER_PAGE = LivestormClient.MAX_PAGE_SIZE;

  /** The columns the copy sorts all of a session's people by. */
  static final List<String> SORTED_BY_COPY =
      List.of("name", "email", "attended", "rate", "duration");

  /** The columns a page of Livestorm's answer can be sorted by. */
  static final List<String> SORTED_ON_PAGE =
      List.of(
          "name",
          "email",
          "attended",
          "rate",
          "duration",
          "messages",
          "questions",
          "votes",
          "replay");

  private static final int MAX_SEARCH = 200;

  @Inject LivestormClient client;

  @Inject LocalCopy copy;

  @Inject Messages messages;

  void show(ItemPage item, Optional<Session> session) throws IOException {
    HttpServletRequest request = item.request();
    DashboardPage page = item.page();
    String id = item.id();
    long accountId = page.accountId();
    // The event and the breakout rooms: from the copy, or read live at the same time as the people.
    String eventId = session.map(Session::eventId).orElse(null);
    Optional<Copied<Event>> keptEvent =
        eventId == null
            ? Optional.empty()
            : copy.event(accountId, eventId).filter(e -> e.asOf() != null);
    PageCalls.Later<Event> event =
        eventId == null || keptEvent.isPresent()
            ? null
            : page.calls().start(() -> client.event(page.access(), eventId));
    boolean hasRooms = session.filter(s -> !s.isBreakoutRoom()).isPresent() && eventId != null;
    Optional<Copied<List<Session>>> keptRooms =
        hasRooms ? copy.sessions(accountId, eventId) : Optional.empty();
    PageCalls.Later<Page<Session>> rooms =
        hasRooms && keptRooms.isEmpty()
            ? page.calls()
                .start(
                    () ->
                        client.eventSessionsWithBreakoutRooms(
                            page.access(), eventId, 0, LivestormClient.MAX_PAGE_SIZE))
            : null;
    Boolean attended =
        switch (String.valueOf(request.getParameter("attended"))) {
          case "yes" -> Boolean.TRUE;
          case "no" -> Boolean.FALSE;
          default -> null;
        };
    // Livestorm lists hosts and moderators among a session's people: participants unless asked.
    String role =
        "team".equals(request.getParameter("role")) ? Person.TEAM_MEMBER : Person.PARTICIPANT;
    String search =
        Optional.ofNullable(request.getParameter("q"))
            .map(String::strip)
            .filter(q -> q.length() <= MAX_SEARCH)
            .orElse("");
    PeopleOrder order = PeopleOrder.of(request.getParameter("sort"));
    boolean descending = "desc".equals(request.getParameter("dir"));
    int number = DashboardPages.pageNumber(request);

    List<Person> list;
    boolean fromCopy = copy.asOf(accountId, Scope.people(id)).isPresent();
    if (fromCopy) {
      PeopleQuery.Order sort = copyOrder(order);
      if (sort == null) {
        // By name unless asked otherwise, or asked for a column the copy cannot sort all by.
        order = PeopleOrder.NAME;
        sort = PeopleQuery.Order.NAME;
      }
      CopyPage<Person> people =
          keptPeople(accountId, id, search, attended, sort, descending, number, role, page);
      page.fromCopy(people.asOf());
      list = people.items();
      page.put("paging", Paging.of(people.page(), people.pageCount(), people.total()))
          .put("q", search)
          .put("sortable", SORTED_BY_COPY);
    } else {
      Optional<Page<Person>> people =
          ListPages.fetch(
              request,
              page,
              "/sessions/" + id + "?" + attended + role,
              number,
              n -> client.sessionPeople(page.access(), id, attended, role, n, PEOPLE_PER_PAGE));
      list = new ArrayList<>(people.map(Page::items).orElse(List.of()));
      if (order != null) {
        list.sort(order.comparator(request.getLocale(), descending));
      }
      page.put("paging", people.map(p -> Paging.of(p.meta())).orElse(null))
          .put("q", "")
          .put("sortable", SORTED_ON_PAGE)
          .put("sortedOnPage", true);
    }
    keptEvent.ifPresent(e -> page.fromCopy(e.asOf()).put("event", e.value()));
    if (event != null) {
      page.put("event", event.get().orElse(null));
    }
    keptRooms.ifPresent(r -> page.fromCopy(r.asOf()));
    session.ifPresent(
        s ->
            page.put(
                "breakoutRooms",
                breakoutRooms(
                    s,
                    keptRooms
                        .map(Copied::value)
                        .or(() -> Optional.ofNullable(rooms).flatMap(r -> r.get().map(Page::items)))
                        .orElse(List.of()))));
    page.put("people", list)
        .put("sort", order == null ? "" : order.key())
        .put("dir", descending ? "desc" : "asc")
        .put("attended", attended == null ? "" : attended ? "yes" : "no")
        .put("role", Person.TEAM_MEMBER.equals(role) ? "team" : "")
        .put("chart", chart(list, request.getLocale()));
    page.refreshable(new RefreshTarget(RefreshTarget.Kind.SESSION, id));
    item.render("sessions/session");
  }

  private CopyPage<Person> keptPeople(
      long accountId,
      String sessionId,
      String search,
      Boolean attended,
      PeopleQuery.Order sort,
      boolean descending,
      int number,
      String role,
      DashboardPage page) {
    PeopleQuery.Order by = sort;
    CopyPage<Person> people =
        copy.people(
                accountId,
                sessionId,
                new PeopleQuery(search, attended, by, descending, number, PEOPLE_PER_PAGE, role))
            .orElseThrow();
    if (number > 0 && number >= people.pageCount()) {
      // A stale link past the end of the list: the last page, with a notice.
      page.put("pagingNotice", ListPages.PAST_THE_END);
      int last = Math.max(0, people.pageCount() - 1);
      people =
          copy.people(
                  accountId,
                  sessionId,
                  new PeopleQuery(search, attended, by, descending, last, PEOPLE_PER_PAGE, role))
              .orElseThrow();
    }
    return people;
  }

  /** The copy's order for a column, or null when the copy has no column to sort it by. */
  static PeopleQuery.Order copyOrder(PeopleOrder order) {
    if (order == null) {
      return null;
    }
    return switch (order) {
      case NAME -> PeopleQuery.Order.NAME;
      case EMAIL -> PeopleQuery.Order.EMAIL;
      case ATTENDED -> PeopleQuery.Order.ATTENDANCE;
      case RATE -> PeopleQuery.Order.RATE;
      case DURATION -> PeopleQuery.Order.DURATION;
      default -> null;
    };
  }

  /** The session's breakout rooms, shown under it: the event's sessions whose parent it is. */
  private static List<Session> breakoutRooms(Session session, List<Session> eventSessions) {
    return eventSessions.stream()
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
