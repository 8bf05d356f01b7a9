package com.livestormconnect.dashboard;

import com.livestormconnect.dashboard.export.Csv;
import com.livestormconnect.dashboard.export.Exports;
import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.LivestormException.Kind;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.RegistrationField;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.web.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /sessions/{id}}: a session and its people with their engagement, a page at a time, with
 * the attendance-rate distribution. {@code /sessions/{id}/people.csv}: GET streams the whole list,
 * POST starts a background export with progress. {@code /sessions/{id}/register}: the registration
 * form.
 */
@WebServlet("/sessions/*")
public class SessionServlet extends HttpServlet {
  static final int PEOPLE_PER_PAGE = LivestormClient.MAX_PAGE_SIZE;

  @Inject
  DashboardPages pages;

  @Inject
  LivestormClient client;

  @Inject
  Exports exports;

  @Inject
  Messages messages;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = DashboardPages.idAt(request, 0);
    String action = DashboardPages.action(request);
    if (id == null || !List.of("", "people.csv", "register").contains(action)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    DashboardPage page = pages.open(request).put("sessionId", id);
    if (!page.allows("events:read")) {
      pages.render(request, response, "sessions/session", page.put("currentSession", null));
      return;
    }
    // The people page may show a recent answer; the CSV download and the registration form read live.
    Optional<Session> session = action.isEmpty()
        ? page.calls().fetch(call(id), () -> client.session(page.access(), id))
        : page.attempt(() -> client.session(page.access(), id));
    if (page.problems().has(Kind.NOT_FOUND)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    page.put("currentSession", session.orElse(null));
    switch (action) {
      case "people.csv" -> download(response, page, id);
      case "register" -> register(request, response, page, RegistrationForm.BLANK, Map.of(), 200,
          fields(page, session));
      default -> people(request, response, page, id, session);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = DashboardPages.idAt(request, 0);
    String action = DashboardPages.action(request);
    if (id == null || !List.of("people.csv", "register").contains(action)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    DashboardPage page = pages.open(request).put("sessionId", id);
    if (action.equals("people.csv")) {
      if (!page.allows("events:read")) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      Exports.Started started = exports.start(page.accountId(), id);
      if (started.job().isPresent()) {
        pages.redirect(request, response, "/exports/" + started.job().get().id(), null);
      } else {
        pages.redirect(request, response, "/sessions/" + id, started.refusalKey().orElseThrow());
      }
      return;
    }
    if (!page.allows("events:write")) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    Optional<Session> session = page.attempt(() -> client.session(page.access(), id));
    page.put("currentSession", session.orElse(null));
    // The form is the event's: its custom fields, some required (Livestorm answers 422 otherwise).
    List<RegistrationField> fields = fields(page, session);
    RegistrationForm form = RegistrationForm.from(request, fields);
    Map<String, String> errors = form.errors(fields);
    int status = 400;
    if (errors.isEmpty() && page.problems().isEmpty()) {
      try {
        client.register(page.access(), id, form.toRegistration());
        pages.redirect(request, response, "/sessions/" + id, "flash.registered");
        return;
      } catch (LivestormException e) {
        if (e.kind() == Kind.CONFLICT) {
          errors = Map.of("email", "registration.error.already");
          status = 409;
        } else if (e.status() == 422 && !RegistrationForm.refusedFields(e.getMessage(), fields).isEmpty()) {
          errors = RegistrationForm.refusedFields(e.getMessage(), fields);
          status = 422;
        } else {
          page.problems().note(e);
          status = 502;
        }
      }
    } else if (!page.problems().isEmpty()) {
      status = 502;
    }
    register(request, response, page, form, errors, status, fields);
  }

  /**
   * The session's breakout rooms, shown under it: the event's sessions with their rooms (one page
   * of 50: an event rarely has more), keeping those whose parent is this session.
   */
  /** The session's breakout rooms, from its event's sessions listed with their rooms. */
  private static List<Session> breakoutRooms(Session session, PageCalls.Later<Page<Session>> rooms) {
    if (rooms == null) {
      return List.of();
    }
    return rooms.get().map(Page::items).orElse(List.of()).stream()
        .filter(room -> session.id().equals(room.breakoutRoomParentId()))
        .toList();
  }

  /** The registration form of the session's event; without it, only the built-in fields. */
  private List<RegistrationField> fields(DashboardPage page, Optional<Session> session) {
    return session.flatMap(s -> page.attempt(() -> client.registrationFields(page.access(), s.eventId())))
        .orElse(List.of());
  }

  private void people(HttpServletRequest request, HttpServletResponse response, DashboardPage page,
      String id, Optional<Session> session) throws IOException {
    // The event and the breakout rooms are independent of the people: fetched at the same time.
    PageCalls.Later<Event> event = session.map(s -> page.calls().start(EventServlet.call(s.eventId()),
        () -> client.event(page.access(), s.eventId()))).orElse(null);
    PageCalls.Later<Page<Session>> rooms = session.filter(s -> !s.isBreakoutRoom())
        .map(s -> page.calls().start(EventServlet.call(s.eventId()) + "/sessions?breakout_rooms",
            () -> client.eventSessionsWithBreakoutRooms(page.access(), s.eventId(), 0,
                LivestormClient.MAX_PAGE_SIZE)))
        .orElse(null);
    Boolean attended = switch (String.valueOf(request.getParameter("attended"))) {
      case "yes" -> Boolean.TRUE;
      case "no" -> Boolean.FALSE;
      default -> null;
    };
    // Livestorm lists hosts and moderators among a session's people: participants unless asked.
    String role = "team".equals(request.getParameter("role")) ? Person.TEAM_MEMBER : Person.PARTICIPANT;
    int number = DashboardPages.pageNumber(request);
    Optional<Page<Person>> people = ListPages.fetch(request, page, "/sessions/" + id + "?" + attended + role,
        number, n -> page.calls().fetchOrThrow(call(id) + "/people?attended=" + attended + "&role=" + role
            + "&page=" + n + "&size=" + PEOPLE_PER_PAGE,
            () -> client.sessionPeople(page.access(), id, attended, role, n, PEOPLE_PER_PAGE)));
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
    page.put("people", list).put("paging", people.map(p -> Paging.of(p.meta())).orElse(null))
        .put("sort", order == null ? "" : order.key()).put("dir", descending ? "desc" : "asc")
        .put("attended", attended == null ? "" : attended ? "yes" : "no")
        .put("role", Person.TEAM_MEMBER.equals(role) ? "team" : "")
        .put("chart", distribution(list, request.getLocale()));
    pages.render(request, response, "sessions/session", page);
  }

  /** The name of the one-session call for {@link PageCalls}. */
  static String call(String sessionId) {
    return "session/" + sessionId;
  }

  /** How many of the listed people attended 0–9 %, 10–19 %, …, 90–100 % of the session. */
  private BarChart distribution(List<Person> people, Locale locale) {
    double[] counts = new double[10];
    people.stream()
        .filter(p -> p.registrant() != null && p.registrant().attendanceRate() != null && p.attended())
        .forEach(p -> counts[Math.min(9, (int) (p.registrant().attendanceRate() / 10))]++);
    List<BarChart.Group> groups = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      groups.add(new BarChart.Group(i * 10 + "–" + (i == 9 ? 100 : i * 10 + 9) + " %", List.of(counts[i])));
    }
    return new BarChart("rate-chart", messages.text(locale, "session.chart.title"),
        messages.text(locale, "session.chart.description"),
        List.of(messages.text(locale, "session.chart.series")), groups, locale);
  }

  private void download(HttpServletResponse response, DashboardPage page, String id) throws IOException {
    if (!page.problems().isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_GATEWAY);
      return;
    }
    response.setContentType(Csv.CONTENT_TYPE);
    response.setHeader("Content-Disposition", "attachment; filename=\"people-" + id + ".csv\"");
    try {
      exports.write(page.accountId(), id, response.getWriter(), (done, count, records) -> { });
    } catch (LivestormException e) {
      // Headers are gone already: cut the download short so that it cannot pass for complete.
      throw new IOException("Export of session " + id + " stopped: " + e.kind(), e);
    }
  }

  private void register(HttpServletRequest request, HttpServletResponse response, DashboardPage page,
      RegistrationForm form, Map<String, String> errors, int status, List<RegistrationField> fields)
      throws IOException {
    page.put("form", form).put("errors", errors)
        .put("customFields", fields.stream().filter(RegistrationField::custom).toList());
    pages.render(request, response, status, "sessions/register", page);
  }
}
