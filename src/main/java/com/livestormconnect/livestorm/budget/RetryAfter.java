package com.livestormconnect.livestorm.budget;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A 429's {@code Retry-After}, read once per answer: both the monthly quota (is this wait the
 * month's end?) and the pause (how long do callers hold back?) use the same reading.
 */
final class RetryAfter {
  private RetryAfter() {}

  /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date; empty when absent or unreadable. */
  static Optional<Duration> parse(Optional<String> header, Instant now) {
    return header.flatMap(value -> parse(value, now));
  }

  static Optional<Duration> parse(String value, Instant now) {
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
