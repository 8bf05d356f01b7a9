package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.data.BreakoutRooms;
import com.livestormconnect.sandbox.data.Event;
import com.livestormconnect.sandbox.data.EventSession;
import com.livestormconnect.sandbox.data.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * /sessions, /sessions/{id} and /events/{id}/sessions, with filter[status] and
 * filter[include_breakout_rooms] (rooms are left out unless asked for, each after its session) and
 * the {@link TimeWindow} filters, in the order the sessions were created.
 */
@Path("/")
@RequiredScope("events")
@ApplicationScoped
public class SessionsApi {
  @Inject SandboxStore store;

  @Inject Pagination pagination;

  @Inject SandboxVariants variants;

  @GET
  @Path("sessions")
  public Response list(
      @QueryParam("filter[status]") String status,
      @QueryParam("filter[include_breakout_rooms]") String rooms,
      @QueryParam("page[number]") String number,
      @QueryParam("page[size]") String size,
      @Context UriInfo uri) {
    return list(store.sessions(), status, rooms, number, size, uri);
  }

  @GET
  @Path("sessions/{id}")
  public Response get(@PathParam("id") String id) {
    return JsonApi.ok(JsonApi.one(view(found(id))));
  }

  @GET
  @Path("events/{id}/sessions")
  public Response ofEvent(
      @PathParam("id") String id,
      @QueryParam("filter[status]") String status,
      @QueryParam("filter[include_breakout_rooms]") String rooms,
      @QueryParam("page[number]") String number,
      @QueryParam("page[size]") String size,
      @Context UriInfo uri) {
    Event event = store.event(id).orElseThrow(() -> ApiError.notFound("Event not found"));
    return list(store.sessionsOf(event.id()), status, rooms, number, size, uri);
  }

  private Response list(
      List<EventSession> sessions,
      String statusFilter,
      String roomsFilter,
      String number,
      String size,
      UriInfo uri) {
    String status = JsonApi.filter(statusFilter);
    boolean rooms =
        Boolean.TRUE.equals(JsonApi.booleanFilter("include_breakout_rooms", roomsFilter));
    TimeWindow window = TimeWindow.requested(uri.getQueryParameters(), variants);
    List<BreakoutRooms.Room> matching =
        withRooms(sessions, rooms).stream()
            .filter(r -> status == null || status.equals(status(r.session())))
            .filter(r -> window.contains(r.session().createdAt(), r.session().updatedAt()))
            .toList();
    return pagination.list(number, size, matching, this::view);
  }

  /** The sessions, each followed by its breakout rooms when asked for. */
  static List<BreakoutRooms.Room> withRooms(List<EventSession> sessions, boolean rooms) {
    List<BreakoutRooms.Room> all = new ArrayList<>();
    for (EventSession s : sessions) {
      all.add(new BreakoutRooms.Room(s, null));
      if (rooms) {
        all.addAll(BreakoutRooms.of(s));
      }
    }
    return all;
  }

  BreakoutRooms.Room found(String id) {
    return store
        .session(id)
        .map(s -> new BreakoutRooms.Room(s, null))
        .or(() -> BreakoutRooms.find(id, store.sessions()))
        .orElseThrow(() -> ApiError.notFound("Session not found"));
  }

  private String status(EventSession s) {
    java.util.Optional<Event> event = store.event(s.eventId());
    String status = s.status(event.map(Event::published).orElse(false), store.now());
    // An on-demand event's sessions that ran are watched as recordings from then on.
    return status.equals("past") && event.map(Event::onDemand).orElse(false) ? "on_demand" : status;
  }

  public Map<String, Object> view(BreakoutRooms.Room room) {
    EventSession s = room.session();
    int[] counts = store.counts(s.id());
    return JsonApi.resource(
        "sessions",
        s.id(),
        attributes(
            "event_id",
            s.eventId(),
            "status",
            status(s),
            "timezone",
            s.timezone(),
            "room_link",
            "https://app.livestorm.co/p/" + s.eventId() + "/live?s=" + s.id(),
            "name",
            s.name(),
            "attendees_count",
            counts[1],
            "duration",
            s.duration(),
            "estimated_started_at",
            s.estimatedStartedAt(),
            "started_at",
            s.startedAt(),
            "ended_at",
            s.endedAt(),
            "canceled_at",
            s.canceledAt(),
            "created_at",
            s.createdAt(),
            "updated_at",
            s.updatedAt(),
            "registrants_count",
            counts[0],
            "breakout_room_parent_session_id",
            room.parentId()));
  }
}
