package com.livestormconnect.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxClockTest {
  private final SandboxClock clock = new SandboxClock();

  @Test
  void aFrozenClockStandsStillAndMovesOnlyWhenAdvanced() {
    clock.freeze(true);
    assertTrue(clock.frozen());
    Instant frozen = clock.now();
    while (!Instant.now().isAfter(frozen)) {
      Thread.onSpinWait(); // the real time moves on; the sandbox's does not
    }
    assertEquals(frozen, clock.now());
    clock.freeze(true);
    assertEquals(frozen, clock.now(), "freezing again keeps the instant");
    assertTrue(clock.advanceWithin(Duration.ofSeconds(1), SandboxClock.MAX_OFFSET));
    assertEquals(frozen.plusSeconds(1), clock.now());
  }

  @Test
  void unfrozenItRunsAgainWithoutGoingBack() {
    clock.advance(Duration.ofSeconds(30));
    clock.freeze(true);
    Instant frozen = clock.now();
    clock.advance(Duration.ofSeconds(10));
    clock.freeze(false);
    assertFalse(clock.frozen());
    Instant resumed = clock.now();
    assertFalse(resumed.isBefore(frozen.plusSeconds(10)), resumed + " before " + frozen);
    assertEquals(Duration.ofSeconds(40), clock.offset());
  }
}
