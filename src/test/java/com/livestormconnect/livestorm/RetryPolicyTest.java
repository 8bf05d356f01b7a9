package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.livestorm.RetryPolicy.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Duration PLENTY = Duration.ofMinutes(1);
  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @Test
  void a429WaitsForRetryAfterInSecondsOrAsADate() {
    assertEquals(
        Optional.of(Duration.ofSeconds(2)),
        policy.delayBeforeRetry(Outcome.RATE_LIMITED, false, 1, Optional.of("2"), PLENTY, NOW));
    assertEquals(
        Optional.of(Duration.ofSeconds(3)),
        policy.delayBeforeRetry(
            Outcome.RATE_LIMITED,
            true,
            1,
            Optional.of("Sat, 28 Nov 2026 12:00:03 GMT"),
            PLENTY,
            NOW));
  }

  @Test
  void a429WithoutRetryAfterBacksOffExponentiallyWithJitter() {
    for (int attempt = 1; attempt <= 3; attempt++) {
      Duration delay =
          policy
              .delayBeforeRetry(Outcome.RATE_LIMITED, true, attempt, Optional.empty(), PLENTY, NOW)
              .orElseThrow();
      assertTrue(delay.toMillis() < 250L << attempt, "attempt " + attempt + ": " + delay);
    }
  }

  @Test
  void serverErrorsAndNetworkFailuresAreRetriedOnlyWhenIdempotent() {
    assertTrue(
        policy
            .delayBeforeRetry(Outcome.SERVER_ERROR, true, 1, Optional.empty(), PLENTY, NOW)
            .isPresent());
    assertTrue(
        policy
            .delayBeforeRetry(Outcome.NETWORK_ERROR, true, 1, Optional.empty(), PLENTY, NOW)
            .isPresent());
    assertTrue(
        policy
            .delayBeforeRetry(Outcome.SERVER_ERROR, false, 1, Optional.empty(), PLENTY, NOW)
            .isEmpty());
    assertTrue(
        policy
            .delayBeforeRetry(Outcome.NETWORK_ERROR, false, 1, Optional.empty(), PLENTY, NOW)
            .isEmpty());
  }

  @Test
  void retriesAreBoundedInNumberAndByTheDeadline() {
    assertTrue(
        policy
            .delayBeforeRetry(Outcome.SERVER_ERROR, true, 4, Optional.empty(), PLENTY, NOW)
            .isEmpty());
    assertTrue(
        policy
            .delayBeforeRetry(
                Outcome.RATE_LIMITED, true, 1, Optional.of("30"), Duration.ofSeconds(10), NOW)
            .isEmpty(),
        "a wait past the deadline is not started");
    assertTrue(
        policy.delayBeforeRetry(Outcome.OTHER, true, 1, Optional.empty(), PLENTY, NOW).isEmpty());
  }

  @Test
  void outcomesFollowTheStatus() {
    assertEquals(Outcome.RATE_LIMITED, RetryPolicy.outcomeOf(429));
    assertEquals(Outcome.SERVER_ERROR, RetryPolicy.outcomeOf(503));
    assertEquals(Outcome.NETWORK_ERROR, RetryPolicy.outcomeOf(0));
    assertEquals(Outcome.OTHER, RetryPolicy.outcomeOf(404));
  }

  @Test
  void unreadableRetryAfterFallsBackToBackoff() {
    assertTrue(RetryPolicy.parseRetryAfter("soon", NOW).isEmpty());
    assertTrue(
        policy
            .delayBeforeRetry(Outcome.RATE_LIMITED, true, 1, Optional.of("soon"), PLENTY, NOW)
            .isPresent());
  }
}
