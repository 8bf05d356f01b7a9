package com.livestormconnect.sandbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

  @Test
  void endingASessionDecidesAttendanceMovesEveryoneAndIsHeardAsLivestormSendsIt() {
    EventSession session = upcoming();
    int registrants = store.registrants(session.id()).size();
    long startedAt = later();
    store.startSession(session.id()).orElseThrow();
    store.clock.advance(Duration.ofSeconds(3600));
    long endedAt = store.now();
    heard.clear();

    EventSession ended = store.endSession(session.id(), new Attendance(50)).orElseThrow();

    assertEquals(endedAt, ended.endedAt());
    assertEquals(3600, ended.duration());
    assertEquals(endedAt, ended.updatedAt());
    assertEquals(endedAt, store.event(session.eventId()).orElseThrow().updatedAt());
    List<Registration> people = store.registrants(session.id());
    assertTrue(people.stream().allMatch(p -> p.updatedAt() == endedAt));
    long attended = people.stream().filter(Registration::attended).count();
    assertTrue(attended > registrants / 4 && attended < registrants * 3 / 4, attended + "");
    for (Registration p : people) {
      if (p.attended()) {
        assertTrue(p.attendanceRate() >= 5 && p.attendanceRate() <= 100);
        assertEquals(3600 * p.attendanceRate() / 100, p.attendanceDuration());
      } else {
        assertEquals(0, p.attendanceRate());
        assertEquals(0, p.attendanceDuration());
      }
    }
    assertEquals("session.ended", heard.get(0).name());
    assertEquals(registrants + 1, heard.size());
    assertEquals(attended, heard.stream().filter(c -> c.name().equals("people.attended")).count());
    assertEquals(
        registrants - attended,
        heard.stream().filter(c -> c.name().equals("people.not_attended")).count());
    assertTrue(startedAt < endedAt);
  }

  @Test
  void aSessionEndsOnlyWhenLiveAndIsCanceledOnlyBeforeItStarts() {
    EventSession session = upcoming();

    assertThrows(
        IllegalStateException.class, () -> store.endSession(session.id(), new Attendance(50)));
    store.startSession(session.id());
    assertThrows(IllegalStateException.class, () -> store.startSession(session.id()));
    assertThrows(IllegalStateException.class, () -> store.cancelSession(session.id()));
    assertTrue(store.startSession("no-such-session").isEmpty());

    assertEquals(List.of("session.started"), names());
  }

  @Test
  void cancelingMovesTheSessionAndItsEvent() {
    EventSession session = upcoming();
    long at = later();

    EventSession canceled = store.cancelSession(session.id()).orElseThrow();

    assertEquals(at, canceled.canceledAt());
    assertEquals(at, canceled.updatedAt());
    assertEquals("canceled", canceled.status(true, at));
    assertEquals(at, store.event(session.eventId()).orElseThrow().updatedAt());
    assertEquals(List.of("session.canceled"), names());
    assertThrows(IllegalStateException.class, () -> store.cancelSession(session.id()));
  }

  @Test
  void aReplayIsWatchedAfterTheSessionEndedBySomeoneWhoDidNotAttendFirst() {
    EventSession session = upcoming();
    assertThrows(IllegalStateException.class, () -> store.watchReplay(session.id(), null));
    store.startSession(session.id());
    store.clock.advance(Duration.ofSeconds(600));
    store.endSession(session.id(), new Attendance(50));
    heard.clear();
    long at = later();

    Registration watched = store.watchReplay(session.id(), null).orElseThrow();

    assertTrue(watched.viewedReplay());
    assertFalse(watched.attended());
    assertEquals(at, watched.updatedAt());
    assertEquals(List.of("people.watched_replay"), names());
    assertEquals(watched.personId(), heard.get(0).personId());
    assertTrue(store.watchReplay(session.id(), "no-such-person").isEmpty());
  }

  @Test
  void aNewSessionIsHeardAndMovesItsEvent() {
    Event event = store.events().get(0);
    long at = later();

    EventSession created =
        store.createSession(event.id(), null, "Europe/Paris", at + 86_400).orElseThrow();

    assertEquals(at, created.createdAt());
    assertEquals(at, store.event(event.id()).orElseThrow().updatedAt());
    assertEquals(List.of(), store.registrants(created.id()));
    assertEquals(List.of("session.created"), names());
    assertTrue(store.createSession("no-such-event", null, "UTC", at).isEmpty());
  }

  @Test
  void attendanceIsTheSameForTheSamePersonAndFollowsTheShare() {
    EventSession session = upcoming();
    Registration p = store.registrants(session.id()).get(0);

    assertEquals(new Attendance(60).decide(p, 600, 1), new Attendance(60).decide(p, 600, 1));
    assertFalse(new Attendance(0).decide(p, 600, 1).attended());
    assertTrue(new Attendance(100).decide(p, 600, 1).attended());
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
