package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.livestorm.RetryPolicy.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Duration PLENTY = Duration.ofMinutes(1);
  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  /**
   * What a 429 without a usable Retry-After pauses for (the budget is handed this backoff):
   * exponential in the attempt, with full jitter, i.e. spread evenly over [0, cap). An upper bound
   * alone would pass a backoff that never waits; the spread over many draws is checked too.
   */
  @Test
  void a429WithoutRetryAfterBacksOffExponentiallyWithJitter() {
    for (int attempt = 1; attempt <= 3; attempt++) {
      long cap = 250L << attempt;
      int draws = 2_000;
      long sum = 0;
      long lowest = Long.MAX_VALUE;
      long highest = 0;
      java.util.Set<Long> distinct = new java.util.HashSet<>();
      for (int i = 0; i < draws; i++) {
        long delay = policy.backoff(attempt).toMillis();
        assertTrue(delay >= 0 && delay < cap, "attempt " + attempt + ": " + delay + " ms");
        sum += delay;
        lowest = Math.min(lowest, delay);
        highest = Math.max(highest, delay);
        distinct.add(delay);
      }
      double mean = sum / (double) draws;
      // Uniform in [0, cap): mean cap/2 (its standard error here is under 1 % of cap).
      assertTrue(
          mean > cap * 0.45 && mean < cap * 0.55, "attempt " + attempt + ": mean " + mean + " ms");
      assertTrue(lowest < cap / 10 && highest > cap * 9 / 10, "spread " + lowest + "–" + highest);
      assertTrue(distinct.size() > cap / 4, distinct.size() + " distinct delays");
    }
  }

  @Test
  void serverErrorsAndNetworkFailuresAreRetriedOnlyWhenIdempotent() {
    assertTrue(policy.delayBeforeRetry(Outcome.SERVER_ERROR, true, 1, PLENTY).isPresent());
    assertTrue(policy.delayBeforeRetry(Outcome.NETWORK_ERROR, true, 1, PLENTY).isPresent());
    assertTrue(policy.delayBeforeRetry(Outcome.SERVER_ERROR, false, 1, PLENTY).isEmpty());
    assertTrue(policy.delayBeforeRetry(Outcome.NETWORK_ERROR, false, 1, PLENTY).isEmpty());
  }

  @Test
  void retriesAreBoundedInNumberAndByTheDeadline() {
    assertTrue(policy.delayBeforeRetry(Outcome.SERVER_ERROR, true, 4, PLENTY).isEmpty());
    assertTrue(
        policy.delayBeforeRetry(Outcome.SERVER_ERROR, true, 1, Duration.ofMillis(1)).isEmpty(),
        "a wait past the deadline is not started");
    assertTrue(policy.delayBeforeRetry(Outcome.OTHER, true, 1, PLENTY).isEmpty());
  }

  @Test
  void outcomesFollowTheStatus() {
    assertEquals(Outcome.RATE_LIMITED, RetryPolicy.outcomeOf(429));
    assertEquals(Outcome.SERVER_ERROR, RetryPolicy.outcomeOf(503));
    assertEquals(Outcome.NETWORK_ERROR, RetryPolicy.outcomeOf(0));
    assertEquals(Outcome.OTHER, RetryPolicy.outcomeOf(404));
  }
}
