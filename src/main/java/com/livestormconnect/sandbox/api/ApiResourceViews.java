package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.data.BreakoutRooms;
import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.webhook.ResourceViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** The API's own renderings, lent to the webhook deliveries so their bodies match a GET's. */
@ApplicationScoped
public class ApiResourceViews implements ResourceViews {
  @Inject SandboxStore store;

  @Inject EventsApi events;

  @Inject SessionsApi sessions;

  @Inject PeopleApi people;

  @Override
  public Optional<Map<String, Object>> event(String eventId) {
    return store.event(eventId).map(events::view);
  }

  @Override
  public Optional<Map<String, Object>> session(String sessionId) {
    return store.session(sessionId).map(s -> sessions.view(new BreakoutRooms.Room(s, null)));
  }

  @Override
  public Optional<Map<String, Object>> person(String sessionId, String personId) {
    return store.registrants(sessionId).stream()
        .filter(r -> r.personId().equals(personId))
        .findFirst()
        .map(people::view);
  }
}
