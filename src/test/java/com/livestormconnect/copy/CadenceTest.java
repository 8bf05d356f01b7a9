package com.livestormconnect.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.livestorm.UpdatedWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When and how the sync reads each list: windows that overlap and never leave a gap. */
class CadenceTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(15);

  @Test
  void successiveWindowsOverlapAndLeaveNoGap() {
    Instant asOf = NOW.minus(INTERVAL);
    UpdatedWindow first = Cadence.window(false, asOf, NOW);
    assertEquals(asOf.minus(Cadence.OVERLAP), first.since());
    assertEquals(NOW, first.until());
    // The next read starts where this one ended (its as-of is this read's until), less the overlap.
    UpdatedWindow next = Cadence.window(false, first.until(), NOW.plus(INTERVAL));
    assertTrue(next.since().isBefore(first.until()), "windows overlap");
    assertEquals(first.until().minus(Cadence.OVERLAP), next.since());
  }

  @Test
  void aFullReadAsksForEverything() {
    assertEquals(UpdatedWindow.ALL, Cadence.window(true, NOW.minusSeconds(60), NOW));
    assertEquals(UpdatedWindow.ALL, Cadence.window(false, null, NOW), "never read: everything");
  }

  @Test
  void aListIsReadInFullWhenNeverCompleteOrNotReListedForADay() {
    Scope events = Scope.events();
    assertTrue(Cadence.fullReadDue(events, false, NOW, NOW, Cadence.FULL_EVERY));
    assertTrue(Cadence.fullReadDue(events, true, null, NOW, Cadence.FULL_EVERY));
    assertFalse(
        Cadence.fullReadDue(
            events, true, NOW.minus(Duration.ofHours(23)), NOW, Cadence.FULL_EVERY));
    assertTrue(
        Cadence.fullReadDue(
            events, true, NOW.minus(Duration.ofHours(24)), NOW, Cadence.FULL_EVERY));
    assertFalse(
        Cadence.fullReadDue(Scope.allSessions(), false, null, NOW, Cadence.FULL_EVERY),
        "the sessions of all events are only watched for changes");
  }

  @Test
  void upcomingAndLiveSessionsAreReadMoreOftenThanPastOnes() {
    Scope people = Scope.people("s1");
    assertTrue(Cadence.active("upcoming", NOW.plus(Duration.ofDays(3)), NOW));
    assertTrue(Cadence.active("live", NOW.minus(Duration.ofMinutes(10)), NOW));
    assertFalse(Cadence.active("past", NOW.minus(Duration.ofDays(3)), NOW));
    assertTrue(
        Cadence.active("past", NOW.minus(Duration.ofMinutes(30)), NOW),
        "attendance settles for a while after the end");
    assertEquals(NOW.plus(INTERVAL), Cadence.nextRead(people, true, NOW, INTERVAL));
    assertEquals(NOW.plus(Cadence.PAST_FULL_EVERY), Cadence.nextRead(people, false, NOW, INTERVAL));
    assertEquals(Cadence.PAST_FULL_EVERY, Cadence.fullEvery(people, false));
    assertEquals(Cadence.FULL_EVERY, Cadence.fullEvery(people, true));
  }

  @Test
  void noScheduleWithAZeroInterval() {
    assertNull(Cadence.nextRead(Scope.events(), true, NOW, Duration.ZERO));
    assertEquals(NOW.plus(INTERVAL), Cadence.nextRead(Scope.events(), false, NOW, INTERVAL));
    assertEquals(
        NOW.plus(Cadence.FULL_EVERY), Cadence.nextRead(Scope.sessions("e1"), false, NOW, INTERVAL));
  }
}
