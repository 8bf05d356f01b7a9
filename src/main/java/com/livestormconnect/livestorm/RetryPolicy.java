package com.livestormconnect.livestorm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a Livestorm call again and how long to wait first. 5xx, timeouts and connection
 * failures are retried with exponential backoff and full jitter, only for idempotent requests (a
 * POST that may have been applied is never repeated blindly); 429s are retried whatever the method
 * (Livestorm did not apply them), after the pause the call budget sets from their {@code
 * Retry-After} (this backoff when it is absent). Everything within the caller's deadline and a
 * bounded number of attempts.
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8));

  /** What came back from one attempt, as far as retrying is concerned. */
  public enum Outcome {
    RATE_LIMITED,
    SERVER_ERROR,
    NETWORK_ERROR,
    OTHER
  }

  public static Outcome outcomeOf(int status) {
    if (status == 429) {
      return Outcome.RATE_LIMITED;
    }
    if (status == 0) {
      return Outcome.NETWORK_ERROR;
    }
    return status >= 500 ? Outcome.SERVER_ERROR : Outcome.OTHER;
  }

  /**
   * How long to wait before attempt {@code attempt + 1} after a 5xx or a network failure, or empty
   * when no retry should happen. A 429 never gets here: the interceptor hands it to the call
   * budget, whose pause every caller of the connection waits out.
   *
   * @param attempt attempts made so far (1 after the first)
   * @param left time left before the caller's deadline
   */
  public Optional<Duration> delayBeforeRetry(
      Outcome outcome, boolean idempotent, int attempt, Duration left) {
    if (!retries(outcome, idempotent, attempt)) {
      return Optional.empty();
    }
    Duration delay = backoff(attempt);
    return delay.compareTo(left) < 0 ? Optional.of(delay) : Optional.empty();
  }

  /** Whether attempt {@code attempt + 1} may happen at all, whatever the wait before it. */
  public boolean retries(Outcome outcome, boolean idempotent, int attempt) {
    if (attempt >= maxAttempts || outcome == Outcome.OTHER) {
      return false;
    }
    return outcome == Outcome.RATE_LIMITED || idempotent;
  }

  /** Exponential backoff with full jitter (AWS architecture blog): uniform in [0, cap). */
  Duration backoff(int attempt) {
    long cap = Math.min(maxBackoff.toMillis(), baseBackoff.toMillis() << Math.min(attempt, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, cap)));
  }
}
