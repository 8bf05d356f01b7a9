package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.data.BreakoutRooms;
import com.livestormconnect.sandbox.data.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's data as its API renders it (JSON:API resources: the {@code data} objects of its
 * answers), for what shows the data outside the API: the test controls' dump, which tests compare
 * field by field with a copy read through the API, and webhook bodies. The API's own resources
 * render through the same code, so both are the same to the byte.
 */
@ApplicationScoped
public class Resources {
  @Inject SandboxStore store;

  @Inject AccountApi account;

  @Inject EventsApi events;

  @Inject SessionsApi sessions;

  @Inject PeopleApi people;

  /** The organization as {@code GET /organization} shows it in its {@code organization} shape. */
  public Map<String, Object> organization() {
    return account.organization();
  }

  /** Every event, as {@code GET /events} lists them (in the order they were created). */
  public List<Map<String, Object>> events() {
    return store.events().stream().map(events::view).toList();
  }

  /**
   * Every session with its breakout rooms, as {@code GET
   * /sessions?filter[include_breakout_rooms]=true} lists them.
   */
  public List<Map<String, Object>> sessions() {
    return SessionsApi.withRooms(store.sessions(), true).stream().map(sessions::view).toList();
  }

  /** A session's people as {@code GET /sessions/{id}/people} lists them; empty when none. */
  public List<Map<String, Object>> people(String sessionId) {
    return people.ofSession(sessionId).orElse(List.of()).stream().map(people::view).toList();
  }

  public Optional<Map<String, Object>> event(String id) {
    return store.event(id).map(events::view);
  }

  /** A session or breakout room, as {@code GET /sessions/{id}} shows it. */
  public Optional<Map<String, Object>> session(String id) {
    return store
        .session(id)
        .map(s -> new BreakoutRooms.Room(s, null))
        .or(() -> BreakoutRooms.find(id, store.sessions()))
        .map(sessions::view);
  }

  /** A person of a session with the registrant detail, as the session's people list them. */
  public Optional<Map<String, Object>> person(String sessionId, String personId) {
    return people.ofSession(sessionId).orElse(List.of()).stream()
        .filter(p -> p.personId().equals(personId))
        .findFirst()
        .map(people::view);
  }
}
