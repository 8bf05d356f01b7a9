package com.livestormconnect.livestorm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Livestorm's API v1, typed: every method is one request, made with a fresh token and a rate-limit
 * permit by {@link LivestormCallInterceptor}, and answers records or a {@link LivestormException}.
 * The dashboard reaches Livestorm only through this class. Lists are paged as Livestorm pages them
 * (page numbers from 0, at most {@link #MAX_PAGE_SIZE} items).
 */
@ApplicationScoped
public class LivestormClient {
  public static final int MAX_PAGE_SIZE = 50;

  /** A session's people; ids go into paths as template values ({@link LivestormHttp#target}). */
  private static final String PEOPLE = "/sessions/{id}/people";

  @Inject LivestormHttp http;

  @LivestormCall
  public void ping(Access access) {
    http.get(access, "/ping", Map.of(), Map.of());
  }

  @LivestormCall
  public User me(Access access) {
    return JsonApi.one(http.get(access, "/me", Map.of(), Map.of()), "/me", User::from);
  }

  /**
   * The workspace. Livestorm's public clients see {@code data} as the connected user with the
   * organization in {@code included}; a direct organization document is read as well.
   */
  @LivestormCall
  public Organization organization(Access access) {
    return Organization.read(
        http.get(access, "/organization", Map.of(), Map.of("include", "organization")),
        "/organization");
  }

  /** {@code /me} as Livestorm sent it, for the local copy. */
  @LivestormCall
  public JsonObject meResource(Access access) {
    return JsonApi.resource(http.get(access, "/me", Map.of(), Map.of()), "/me");
  }

  /** The organization's resource as Livestorm sent it, for the local copy. */
  @LivestormCall
  public JsonObject organizationResource(Access access) {
    return Organization.resource(
        http.get(access, "/organization", Map.of(), Map.of("include", "organization")),
        "/organization");
  }

  /**
   * One page of events as Livestorm sent them (JSON:API {@code data} objects), changed within
   * {@code window}: what the local copy stores.
   */
  @LivestormCall
  public Page<JsonObject> eventResources(Access access, UpdatedWindow window, int page, int size) {
    return JsonApi.resources(
        http.get(access, "/events", Map.of(), window.addTo(paging(page, size))), "/events");
  }

  /** One page of an event's sessions, breakout rooms included, as Livestorm sent them. */
  @LivestormCall
  public Page<JsonObject> eventSessionResources(
      Access access, String eventId, UpdatedWindow window, int page, int size) {
    String path = "/events/{id}/sessions";
    Map<String, String> params = window.addTo(paging(page, size));
    params.put("filter[include_breakout_rooms]", "true");
    return JsonApi.resources(http.get(access, path, id(eventId), params), path);
  }

  /** One page of every event's sessions, breakout rooms included, as Livestorm sent them. */
  @LivestormCall
  public Page<JsonObject> sessionResources(
      Access access, UpdatedWindow window, int page, int size) {
    Map<String, String> params = window.addTo(paging(page, size));
    params.put("filter[include_breakout_rooms]", "true");
    return JsonApi.resources(http.get(access, "/sessions", Map.of(), params), "/sessions");
  }

  /** One page of a session's people (with their registrant detail) as Livestorm sent them. */
  @LivestormCall
  public Page<JsonObject> sessionPeopleResources(
      Access access, String sessionId, UpdatedWindow window, int page, int size) {
    return JsonApi.resources(
        http.get(access, PEOPLE, id(sessionId), window.addTo(paging(page, size))), PEOPLE);
  }

  @LivestormCall
  public Page<User> users(Access access, int page, int size) {
    return JsonApi.page(
        http.get(access, "/users", Map.of(), paging(page, size)), "/users", User::from);
  }

  @LivestormCall
  public Page<Event> events(Access access, EventQuery query, int page, int size) {
    Map<String, String> params = paging(page, size);
    if (query.title() != null && !query.title().isBlank()) {
      params.put("filter[title]", query.title());
    }
    if (query.schedulingStatus() != null && !query.schedulingStatus().isBlank()) {
      params.put("filter[scheduling_status]", query.schedulingStatus());
    }
    return JsonApi.page(http.get(access, "/events", Map.of(), params), "/events", Event::from);
  }

  @LivestormCall
  public Event event(Access access, String id) {
    String path = "/events/{id}";
    return JsonApi.one(http.get(access, path, id(id), Map.of()), path, Event::from);
  }

  /** The event's registration form: its built-in and custom fields, in order. */
  @LivestormCall
  public List<RegistrationField> registrationFields(Access access, String eventId) {
    String path = "/events/{id}";
    return JsonApi.one(
        http.get(access, path, id(eventId), Map.of()), path, RegistrationField::listFrom);
  }

  /**
   * Creates an event; answers it as Livestorm sent it (for the local copy; {@link Resources#event}
   * reads it).
   */
  @LivestormCall(idempotent = false)
  public JsonObject createEventResource(Access access, EventDraft draft) {
    return JsonApi.resource(
        http.send(access, "POST", "/events", Map.of(), document("events", draft.attributes())),
        "/events");
  }

  /** Changes an event; answers it as Livestorm sent it. */
  @LivestormCall
  public JsonObject updateEventResource(Access access, String id, EventDraft draft) {
    String path = "/events/{id}";
    return JsonApi.resource(
        http.send(access, "PATCH", path, id(id), document("events", draft.attributes())), path);
  }

  @LivestormCall
  public void deleteEvent(Access access, String id) {
    http.send(access, "DELETE", "/events/{id}", id(id), null);
  }

  @LivestormCall
  public Page<Session> eventSessions(Access access, String eventId, int page, int size) {
    String path = "/events/{id}/sessions";
    return JsonApi.page(
        http.get(access, path, id(eventId), paging(page, size)), path, Session::from);
  }

  /**
   * The event's sessions and, after each, its breakout rooms (Livestorm lists them only when
   * asked).
   */
  @LivestormCall
  public Page<Session> eventSessionsWithBreakoutRooms(
      Access access, String eventId, int page, int size) {
    String path = "/events/{id}/sessions";
    Map<String, String> params = paging(page, size);
    params.put("filter[include_breakout_rooms]", "true");
    return JsonApi.page(http.get(access, path, id(eventId), params), path, Session::from);
  }

  @LivestormCall
  public Page<Session> sessions(Access access, int page, int size) {
    return JsonApi.page(
        http.get(access, "/sessions", Map.of(), paging(page, size)), "/sessions", Session::from);
  }

  @LivestormCall
  public Session session(Access access, String id) {
    String path = "/sessions/{id}";
    return JsonApi.one(http.get(access, path, id(id), Map.of()), path, Session::from);
  }

  /**
   * A session's people (participants and team members) with their registration and engagement;
   * {@code attended} null for all.
   */
  @LivestormCall
  public Page<Person> sessionPeople(
      Access access, String sessionId, Boolean attended, int page, int size) {
    return JsonApi.page(
        http.get(access, PEOPLE, id(sessionId), peopleParams(attended, null, page, size)),
        PEOPLE,
        Person::from);
  }

  /**
   * A session's people of one role: {@link Person#PARTICIPANT} or {@link Person#TEAM_MEMBER}
   * (Livestorm lists hosts and moderators among a session's people).
   */
  @LivestormCall
  public Page<Person> sessionPeople(
      Access access, String sessionId, Boolean attended, String role, int page, int size) {
    return JsonApi.page(
        http.get(access, PEOPLE, id(sessionId), peopleParams(attended, role, page, size)),
        PEOPLE,
        Person::from);
  }

  private static Map<String, String> peopleParams(
      Boolean attended, String role, int page, int size) {
    Map<String, String> params = paging(page, size);
    if (attended != null) {
      params.put("filter[attended]", attended.toString());
    }
    if (role != null) {
      params.put("filter[role]", role);
    }
    return params;
  }

  /** Registers someone; a {@link LivestormException.Kind#CONFLICT} when already registered. */
  @LivestormCall(idempotent = false)
  public Person register(Access access, String sessionId, Registration registration) {
    return Resources.person(registerResource(sessionId, access, registration));
  }

  /** {@link #register}, answering the person as Livestorm sent them (for the local copy). */
  @LivestormCall(idempotent = false)
  public JsonObject registerResource(Access access, String sessionId, Registration registration) {
    return registerResource(sessionId, access, registration);
  }

  private JsonObject registerResource(String sessionId, Access access, Registration registration) {
    return JsonApi.resource(
        http.send(
            access, "POST", PEOPLE, id(sessionId), document("people", registration.attributes())),
        PEOPLE);
  }

  @LivestormCall
  public Page<Webhook> webhooks(Access access, int page, int size) {
    return JsonApi.page(
        http.get(access, "/webhooks", Map.of(), paging(page, size)), "/webhooks", Webhook::from);
  }

  @LivestormCall(idempotent = false)
  public Webhook createWebhook(Access access, String url, String event) {
    JsonObjectBuilder attributes = Json.createObjectBuilder().add("url", url).add("event", event);
    return JsonApi.one(
        http.send(access, "POST", "/webhooks", Map.of(), document("webhooks", attributes)),
        "/webhooks",
        Webhook::from);
  }

  @LivestormCall
  public void deleteWebhook(Access access, String id) {
    http.send(access, "DELETE", "/webhooks/{id}", id(id), null);
  }

  private static Map<String, String> paging(int page, int size) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("page[number]", Integer.toString(Math.max(0, page)));
    params.put("page[size]", Integer.toString(Math.max(1, Math.min(MAX_PAGE_SIZE, size))));
    return params;
  }

  private static JsonObject document(String type, JsonObjectBuilder attributes) {
    return Json.createObjectBuilder()
        .add("data", Json.createObjectBuilder().add("type", type).add("attributes", attributes))
        .build();
  }

  /**
   * An id from our own URLs, for the path's {@code {id}}: it travels as one opaque segment (the
   * REST client encodes it), never as a path; a missing one is a 404 without any request.
   */
  private static Map<String, String> id(String id) {
    if (id == null || id.isBlank()) {
      throw new LivestormException(LivestormException.Kind.NOT_FOUND, "(no id)", 404, "missing id");
    }
    return Map.of("id", id);
  }
}
