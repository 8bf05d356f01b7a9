package com.livestormconnect.sandbox.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Livestorm's documented retries of a failed delivery: five, about 30 s, 1 min, 2 min 30 s, 6 min
 * and 12 min after the attempt before; when the fifth retry fails too, the subscription is
 * disabled.
 */
public final class RetrySchedule {
  static final List<Duration> DELAYS =
      List.of(
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofSeconds(150),
          Duration.ofMinutes(6),
          Duration.ofMinutes(12));

  /** The retries after the first attempt; attempts are numbered from 1. */
  public static final int RETRIES = DELAYS.size();

  private RetrySchedule() {}

  /**
   * When to try again after attempt number {@code attempt} failed at {@code failedAt}; empty when
   * that was the last retry, and the subscription is to be disabled.
   */
  public static Optional<Instant> retryAfter(int attempt, Instant failedAt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1");
    }
    return attempt > RETRIES
        ? Optional.empty()
        : Optional.of(failedAt.plus(DELAYS.get(attempt - 1)));
  }
}
