package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.data.Event;
import com.livestormconnect.sandbox.data.EventSession;
import com.livestormconnect.sandbox.data.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** /sessions, /sessions/{id} and /events/{id}/sessions, with filter[status]. */
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
    List<EventSession> matching = status == null ? sessions
        : sessions.stream().filter(s -> status.equals(status(s))).toList();
    return Reply.ok(JsonApi.list(request.page(), matching, this::view));
  }

  EventSession found(String id) {
    return store.session(id).orElseThrow(() -> ApiError.notFound("Session not found"));
  }

  private String status(EventSession s) {
    java.util.Optional<Event> event = store.event(s.eventId());
    String status = s.status(event.map(Event::published).orElse(false), store.now());
    // An on-demand event's sessions that ran are watched as recordings from then on.
    return status.equals("past") && event.map(Event::onDemand).orElse(false) ? "on_demand" : status;
  }

  Map<String, Object> view(EventSession s) {
    int[] counts = store.counts(s.id());
    return JsonApi.resource("sessions", s.id(), attributes(
        "event_id", s.eventId(), "status", status(s), "timezone", s.timezone(),
        "room_link", "https://app.livestorm.co/p/" + s.eventId() + "/live?s=" + s.id(),
        "name", s.name(), "attendees_count", counts[1], "duration", s.duration(),
        "estimated_started_at", s.estimatedStartedAt(), "started_at", s.startedAt(),
        "ended_at", s.endedAt(), "canceled_at", s.canceledAt(), "created_at", s.createdAt(),
        "updated_at", s.updatedAt(), "registrants_count", counts[0],
        "breakout_room_parent_session_id", null));
  }
}
