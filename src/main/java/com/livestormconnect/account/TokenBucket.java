package com.livestormconnect.account;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A token bucket kept as text in {@link ThrottleTable}: {@code capacity} tokens, one more every
 * {@code perToken} (refilled gradually), stored as {@code level@millis}. A missing row is a full
 * bucket; a row expires when its bucket would be full again.
 */
record TokenBucket(int capacity, Duration perToken) {

  /** Takes a token: the result is zero when taken, else how long until one is there. */
  ThrottleTable.Step<Duration> take() {
    return (state, now) -> {
      double level = level(state, now);
      if (level >= 1) {
        return stored(Duration.ZERO, level - 1, now);
      }
      long wait = (long) Math.ceil((1 - level) * perToken.toMillis());
      return stored(Duration.ofMillis(wait), level, now);
    };
  }

  /** Gives a token back (an attempt that turned out right, or never reached a password check). */
  ThrottleTable.Step<Void> giveBack() {
    return (state, now) -> {
      if (state.isEmpty()) {
        return ThrottleTable.Change.delete(null);
      }
      return stored(null, level(state, now) + 1, now);
    };
  }

  private <T> ThrottleTable.Change<T> stored(T result, double level, long now) {
    double capped = Math.min(capacity, level);
    if (capped >= capacity) {
      return ThrottleTable.Change.delete(result);
    }
    long fullAt = now + (long) Math.ceil((capacity - capped) * perToken.toMillis());
    return new ThrottleTable.Change<>(
        result, String.format(Locale.ROOT, "%.6f@%d", capped, now), fullAt);
  }

  private double level(Optional<String> state, long now) {
    if (state.isEmpty()) {
      return capacity;
    }
    String[] parts = state.get().split("@", 2);
    double stored = Double.parseDouble(parts[0]);
    long at = Long.parseLong(parts[1]);
    double refilled = Math.max(0, now - at) / (double) perToken.toMillis();
    return Math.min(capacity, stored + refilled);
  }
}
