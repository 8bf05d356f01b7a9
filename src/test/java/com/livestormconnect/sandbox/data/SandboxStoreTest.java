package com.livestormconnect.sandbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.sandbox.SandboxClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxStoreTest {
  private final SandboxStore store = new SandboxStore();
  private final List<Change> heard = new ArrayList<>();

  @BeforeEach
  void generate() {
    store.clock = new SandboxClock();
    store.clock.freeze(true);
    store.generate();
    store.listen(heard::add);
  }

  private long later() {
    store.clock.advance(Duration.ofSeconds(10));
    return store.now();
  }

  private EventSession upcoming() {
    return store.sessions().stream()
        .filter(s -> s.estimatedStartedAt() > store.now() && s.canceledAt() == 0)
        .filter(s -> store.event(s.eventId()).orElseThrow().published())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aRegistrationMovesThePersonAndTheSessionAndIsHeardOnce() {
    EventSession session = upcoming();
    long at = later();
    Registration person =
        Registration.quiet(
            "p-1",
            session,
            "Ada",
            "Lovelace",
            "ada@example.com",
            null,
            at,
            at,
            null,
            Registration.Source.NONE,
            "API",
            Map.of());

    assertEquals(SandboxStore.Outcome.REGISTERED, store.register(person));

    assertEquals(at, store.session(session.id()).orElseThrow().updatedAt());
    assertEquals(
        List.of(
            new Change(
                "people.registered",
                store.organization().id(),
                session.eventId(),
                session.id(),
                "p-1",
                at)),
        heard);
    assertEquals("people", heard.get(0).resourceType());
    assertEquals("p-1", heard.get(0).resourceId());
    assertTrue(heard.get(0).sentByLivestorm());
  }

  @Test
  void aRefusedRegistrationIsNotHeard() {
    EventSession session = upcoming();
    Registration first = store.registrants(session.id()).get(0);

    assertEquals(SandboxStore.Outcome.ALREADY_REGISTERED, store.register(first));

    assertEquals(List.of(), heard);
  }

  @Test
  void publishingADraftMovesItAndIsHeardAsAnUpdateAndAPublication() {
    Event draft = store.events().stream().filter(e -> !e.published()).findFirst().orElseThrow();
    long at = later();

    Event published = store.updateEvent(draft.id(), e -> withPublishedAt(e, at)).orElseThrow();

    assertEquals(at, published.updatedAt());
    assertEquals(List.of("event.updated", "event.published"), names());
    assertEquals(draft.id(), heard.get(1).resourceId());
    assertEquals("events", heard.get(1).resourceType());
  }

  @Test
  void aListenerSeesTheChangeInTheStoreAndItsFailureUndoesNothing() {
    Event event = store.events().get(0);
    List<Long> seen = new ArrayList<>();
    store.listen(c -> seen.add(store.event(c.eventId()).orElseThrow().updatedAt()));
    store.listen(
        c -> {
          throw new IllegalStateException("a broken listener");
        });
    long at = later();

    store.updateEvent(event.id(), e -> e);

    assertEquals(List.of(at), seen);
    assertEquals(at, store.event(event.id()).orElseThrow().updatedAt());
  }

  @Test
  void deletingAnEventIsHeardOnceAndAnUnknownOneNotAtAll() {
    Event event = store.events().get(3);

    assertTrue(store.deleteEvent(event.id()));
    store.deleteEvent(event.id());

    assertEquals(List.of("event.deleted"), names());
    assertEquals(List.of(), store.sessionsOf(event.id()));
  }

  private List<String> names() {
    return heard.stream().map(Change::name).toList();
  }

  private static Event withPublishedAt(Event e, long at) {
    return new Event(
        e.id(),
        e.ownerId(),
        e.title(),
        e.slug(),
        e.description(),
        e.language(),
        e.estimatedDuration(),
        e.everyoneCanSpeak(),
        e.recordingEnabled(),
        e.chatEnabled(),
        at,
        e.createdAt(),
        e.updatedAt(),
        e.onDemand());
  }
}
