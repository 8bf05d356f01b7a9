package com.livestormconnect.sandbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {
  private static final long TODAY = 1_767_225_600L; // 2026-01-01T00:00:00Z
  private static final DemoData DATA = DemoData.generate(TODAY);

  @Test
  void isTheSameOnEveryStart() {
    DemoData again = DemoData.generate(TODAY);
    assertEquals(DATA.events(), again.events());
    assertEquals(DATA.sessions(), again.sessions());
    assertEquals(DATA.registrations(), again.registrations());
  }

  @Test
  void hasTheAdvertisedSizesAndOneLargeSession() {
    assertEquals(40, DATA.events().size());
    assertEquals(300, DATA.sessions().size());
    assertEquals(20_000, DATA.registrations().values().stream().mapToInt(List::size).sum());
    assertTrue(DATA.registrations().values().stream().anyMatch(l -> l.size() >= 5_000));
    assertEquals(
        DATA.registrations().values().stream().flatMap(List::stream).count(),
        DATA.registrations().values().stream()
            .flatMap(List::stream)
            .map(Registration::email)
            .distinct()
            .count(),
        "emails are unique");
  }

  @Test
  void sessionsSpanThePastYearAndNextMonthWithConsistentStatuses() {
    Map<String, Event> events = DATA.events().stream().collect(Collectors.toMap(Event::id, e -> e));
    for (EventSession s : DATA.sessions()) {
      assertTrue(
          s.estimatedStartedAt() > TODAY - 366 * 86_400L
              && s.estimatedStartedAt() < TODAY + 32 * 86_400L);
      String status = s.status(events.get(s.eventId()).published(), TODAY);
      if (status.equals("past")) {
        assertTrue(s.startedAt() > 0 && s.endedAt() > s.startedAt() && s.duration() != null);
      }
      if (status.equals("upcoming")) {
        assertTrue(s.estimatedStartedAt() > TODAY && s.startedAt() == 0 && s.endedAt() == 0);
      }
    }
    assertTrue(DATA.sessions().stream().anyMatch(s -> s.canceledAt() > 0));
  }

  @Test
  void onlyPeopleOfEndedSessionsHaveAttended() {
    Map<String, EventSession> sessions =
        DATA.sessions().stream().collect(Collectors.toMap(EventSession::id, s -> s));
    DATA.registrations().values().stream()
        .flatMap(List::stream)
        .forEach(
            r -> {
              if (r.attended()) {
                assertTrue(sessions.get(r.sessionId()).endedAt() > 0);
                assertTrue(r.attendanceRate() >= 5 && r.attendanceRate() <= 100);
              }
            });
    long attended =
        DATA.registrations().values().stream()
            .flatMap(List::stream)
            .filter(Registration::attended)
            .count();
    assertTrue(attended > 5_000 && attended < 15_000, "realistic attendance: " + attended);
  }

  @Test
  void plantsEveryKindOfHostileValue() {
    List<String> titles = DATA.events().stream().map(Event::title).toList();
    assertTrue(titles.contains(HostileValues.SCRIPT_TITLE));
    assertTrue(titles.stream().anyMatch(t -> t.startsWith("=")));
    assertTrue(titles.stream().anyMatch(t -> t.startsWith("+")));
    assertTrue(titles.stream().anyMatch(t -> t.startsWith("-")));
    assertTrue(titles.stream().anyMatch(t -> t.startsWith("@")));
    assertTrue(titles.stream().anyMatch(t -> t.contains("\u202E")));
    assertTrue(titles.stream().anyMatch(t -> t.codePoints().anyMatch(c -> c >= 0x1F300)));
    assertTrue(titles.stream().anyMatch(t -> t.length() > 300));
    assertTrue(
        DATA.registrations().values().stream()
            .flatMap(List::stream)
            .anyMatch(r -> r.firstName().contains("<script>")));
  }

  @Test
  void hasAnOnDemandEventAndAnEventWhoseSessionsNeverStarted() {
    Event onDemand = DATA.events().get(DemoData.ON_DEMAND_EVENT);
    assertTrue(onDemand.onDemand() && onDemand.published());
    assertEquals(1, DATA.events().stream().filter(Event::onDemand).count());
    List<EventSession> neverStarted =
        DATA.sessions().stream()
            .filter(s -> s.eventId().equals(DATA.events().get(DemoData.NOT_STARTED_EVENT).id()))
            .toList();
    assertTrue(!neverStarted.isEmpty());
    assertTrue(
        neverStarted.stream()
            .allMatch(s -> s.startedAt() == 0 && s.estimatedStartedAt() < TODAY + 86_400L));
  }

  @Test
  void noOneRegisteredInTheFuture() {
    DATA.registrations().values().stream()
        .flatMap(List::stream)
        .forEach(
            r -> {
              assertTrue(r.createdAt() <= TODAY, r.email() + " registered in the future");
              assertTrue(r.updatedAt() <= TODAY + 86_400, r.email() + " changed in the future");
            });
  }
}
