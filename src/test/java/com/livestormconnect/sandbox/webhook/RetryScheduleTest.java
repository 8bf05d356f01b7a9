package com.livestormconnect.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private static final Instant T = Instant.ofEpochSecond(1_767_225_600L);

  @Test
  void fiveRetriesAfterThirtySecondsOneMinuteTwoAndAHalfSixAndTwelve() {
    assertEquals(Optional.of(T.plusSeconds(30)), RetrySchedule.retryAfter(1, T));
    assertEquals(Optional.of(T.plusSeconds(60)), RetrySchedule.retryAfter(2, T));
    assertEquals(Optional.of(T.plusSeconds(150)), RetrySchedule.retryAfter(3, T));
    assertEquals(Optional.of(T.plusSeconds(360)), RetrySchedule.retryAfter(4, T));
    assertEquals(Optional.of(T.plusSeconds(720)), RetrySchedule.retryAfter(5, T));
  }

  @Test
  void noRetryAfterTheFifthRetryFailed() {
    assertTrue(RetrySchedule.retryAfter(6, T).isEmpty());
    assertTrue(RetrySchedule.retryAfter(7, T).isEmpty());
  }

  @Test
  void attemptsAreNumberedFromOne() {
    assertThrows(IllegalArgumentException.class, () -> RetrySchedule.retryAfter(0, T));
  }
}
