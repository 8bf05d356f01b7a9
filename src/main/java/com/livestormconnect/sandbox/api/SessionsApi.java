package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.data.BreakoutRooms;
import com.livestormconnect.sandbox.data.Event;
import com.livestormconnect.sandbox.data.EventSession;
import com.livestormconnect.sandbox.data.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * /sessions, /sessions/{id} and /events/{id}/sessions, with filter[status] and
 * filter[include_breakout_rooms] (rooms are left out unless asked for, each after its session).
 */
@ApplicationScoped
public class SessionsApi {
  @Inject
  SandboxStore store;

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/sessions", "events", r -> list(r, store.sessions())),
        Route.of("GET", "/sessions/{id}", "events", r -> Reply.ok(JsonApi.one(view(found(r.path("id")))))),
        Route.of("GET", "/events/{id}/sessions", "events", r -> {
          Event event = store.event(r.path("id")).orElseThrow(() -> ApiError.notFound("Event not found"));
          return list(r, store.sessionsOf(event.id()));
        }));
  }

  private Reply list(ApiRequest request, List<EventSession> sessions) {
    String status = request.filter("status");
    List<BreakoutRooms.Room> all = new ArrayList<>();
    boolean rooms = Boolean.TRUE.equals(request.booleanFilter("include_breakout_rooms"));
    for (EventSession s : sessions) {
      all.add(new BreakoutRooms.Room(s, null));
      if (rooms) {
        all.addAll(BreakoutRooms.of(s));
      }
    }
    List<BreakoutRooms.Room> matching = status == null ? all
        : all.stream().filter(r -> status.equals(status(r.session()))).toList();
    return Reply.ok(JsonApi.list(request.page(), matching, this::view));
  }

  BreakoutRooms.Room found(String id) {
    return store.session(id).map(s -> new BreakoutRooms.Room(s, null))
        .or(() -> BreakoutRooms.find(id, store.sessions()))
        .orElseThrow(() -> ApiError.notFound("Session not found"));
  }

  private String status(EventSession s) {
    java.util.Optional<Event> event = store.event(s.eventId());
    String status = s.status(event.map(Event::published).orElse(false), store.now());
    // An on-demand event's sessions that ran are watched as recordings from then on.
    return status.equals("past") && event.map(Event::onDemand).orElse(false) ? "on_demand" : status;
  }

  Map<String, Object> view(BreakoutRooms.Room room) {
    EventSession s = room.session();
    int[] counts = store.counts(s.id());
    return JsonApi.resource("sessions", s.id(), attributes(
        "event_id", s.eventId(), "status", status(s), "timezone", s.timezone(),
        "room_link", "https://app.livestorm.co/p/" + s.eventId() + "/live?s=" + s.id(),
        "name", s.name(), "attendees_count", counts[1], "duration", s.duration(),
        "estimated_started_at", s.estimatedStartedAt(), "started_at", s.startedAt(),
        "ended_at", s.endedAt(), "canceled_at", s.canceledAt(), "created_at", s.createdAt(),
        "updated_at", s.updatedAt(), "registrants_count", counts[0],
        "breakout_room_parent_session_id", room.parentId()));
  }
}
