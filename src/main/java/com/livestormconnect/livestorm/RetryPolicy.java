package com.livestormconnect.livestorm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a Livestorm call again and how long to wait first. 429s are retried after {@code
 * Retry-After} (or exponential backoff with full jitter when absent); 5xx, timeouts and connection
 * failures only for idempotent requests (a POST that may have been applied is never repeated
 * blindly); everything within the caller's deadline and a bounded number of attempts.
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
   * How long to wait before attempt {@code attempt + 1}, or empty when no retry should happen.
   *
   * @param attempt attempts made so far (1 after the first)
   * @param retryAfter the {@code Retry-After} header of a 429, when present
   * @param left time left before the caller's deadline
   */
  public Optional<Duration> delayBeforeRetry(
      Outcome outcome,
      boolean idempotent,
      int attempt,
      Optional<String> retryAfter,
      Duration left,
      Instant now) {
    if (!retries(outcome, idempotent, attempt)) {
      return Optional.empty();
    }
    Duration delay =
        outcome == Outcome.RATE_LIMITED
            ? rateLimitPause(retryAfter, attempt, now)
            : backoff(attempt);
    return delay.compareTo(left) < 0 ? Optional.of(delay) : Optional.empty();
  }

  /** Whether attempt {@code attempt + 1} may happen at all, whatever the wait before it. */
  public boolean retries(Outcome outcome, boolean idempotent, int attempt) {
    if (attempt >= maxAttempts || outcome == Outcome.OTHER) {
      return false;
    }
    return outcome == Outcome.RATE_LIMITED || idempotent;
  }

  /**
   * How long a 429 holds the connection back: its {@code Retry-After}, or exponential backoff when
   * that is absent or unreadable. The one place where {@code Retry-After} is read.
   */
  public Duration rateLimitPause(Optional<String> retryAfter, int attempt, Instant now) {
    return retryAfter
        .flatMap(value -> parseRetryAfter(value, now))
        .orElseGet(() -> backoff(attempt));
  }

  /** Exponential backoff with full jitter (AWS architecture blog): uniform in [0, cap). */
  Duration backoff(int attempt) {
    long cap = Math.min(maxBackoff.toMillis(), baseBackoff.toMillis() << Math.min(attempt, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, cap)));
  }

  /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. */
  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
