package com.livestormconnect.partner;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a message again after a failure that may pass (a 5xx, a 429, a timeout, a refused
 * connection): 5 seconds after the first attempt, then twice as long each time up to an hour
 * between attempts, each wait shortened or lengthened at random by up to a quarter so that messages
 * that failed together (the partner was down) do not all come back at the same instant. A {@code
 * Retry-After} from the partner replaces the computed wait. Nothing is tried after {@code
 * retryUntil} (24 hours after the change, or after a replay); the last attempt happens at that
 * instant.
 */
final class RetrySchedule {
  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration LONGEST = Duration.ofHours(1);
  static final Duration WINDOW = Duration.ofHours(24);

  /** A Retry-After of days must not park a message past its window; seconds are what is meant. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(6);

  private static final double JITTER = 0.25;

  private final DoubleSupplier random;

  /** {@code random} gives numbers in [0, 1). */
  RetrySchedule(DoubleSupplier random) {
    this.random = random;
  }

  /** The wait after the {@code attempts}-th failed attempt (1 = the first), without jitter. */
  static Duration backoff(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 20));
    Duration wait = FIRST.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }

  /**
   * When to try again after {@code attempts} failed attempts, or empty when the window is over and
   * the message is to be kept as failed.
   */
  Optional<Instant> next(
      int attempts, Instant now, Instant retryUntil, Optional<Duration> retryAfter) {
    if (!now.isBefore(retryUntil)) {
      return Optional.empty();
    }
    Duration wait = retryAfter.orElseGet(() -> jittered(backoff(attempts)));
    Instant next = now.plus(wait);
    return Optional.of(next.isAfter(retryUntil) ? retryUntil : next);
  }

  private Duration jittered(Duration wait) {
    double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
    return Duration.ofMillis(Math.round(wait.toMillis() * factor));
  }

  /**
   * A {@code Retry-After} header (RFC 9110 §10.2.3): a number of seconds or an HTTP date, kept
   * between one second and {@link #LONGEST_RETRY_AFTER}. Empty when absent or unreadable: then the
   * schedule decides.
   */
  static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    Duration wait;
    if (value.matches("\\d{1,10}")) {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } else {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = Duration.between(now, at);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
      wait = Duration.ofSeconds(1);
    }
    return Optional.of(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
  }
}
