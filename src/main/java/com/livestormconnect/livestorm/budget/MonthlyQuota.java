package com.livestormconnect.livestorm.budget;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Livestorm's monthly call quota, told apart from the per-second limit: a 429 whose {@code
 * RateLimit-Monthly-Remaining} (or {@code Montly}) is 0, or whose Retry-After is longer than a few
 * minutes, means the quota is used up, and waiting it out would hold a page for days. Such a
 * connection makes no call until the reset (Livestorm's {@code RateLimit-Reset}, else the
 * Retry-After), except one probe an hour in case the quota was raised (add-ons). Kept per node, in
 * memory: a restart costs one more 429. Also the share of the quota used, and the warnings pages
 * show from it.
 */
final class MonthlyQuota {
  /** A per-second 429 asks for a second or two; anything longer than this is the monthly quota. */
  static final Duration LONGEST_PER_SECOND_WAIT = Duration.ofMinutes(5);

  static final Duration PROBE_EVERY = Duration.ofHours(1);

  /**
   * A monthly quota resets within a month: a later reset (a hostile Retry-After) is not believed.
   */
  static final Duration LONGEST_HOLD = Duration.ofDays(32);

  /** Used-up fractions at which pages warn. */
  static final double WARN = 0.80;

  static final double WARN_STRONGLY = 0.95;

  private record UsedUp(Instant until, Instant lastCall) {}

  private final Quotas quotas;
  private final Clock clock;

  /**
   * Held-back connections. Never cut by size (a hold must last until its reset); an entry goes when
   * the hold ends, when the connection is removed, or {@link #LONGEST_HOLD} after it was written,
   * by which time every hold has ended.
   */
  private final Map<String, UsedUp> usedUp =
      Caffeine.newBuilder()
          .expireAfterWrite(LONGEST_HOLD)
          .executor(Runnable::run)
          .<String, UsedUp>build()
          .asMap();

  MonthlyQuota(Quotas quotas, Clock clock) {
    this.quotas = quotas;
    this.clock = clock;
  }

  /**
   * Before a call on this connection: the end of the hold when the quota is used up and this call
   * is not the hourly probe (then no call), else empty.
   */
  Optional<Instant> refusedUntil(String connection) {
    UsedUp state = connection == null ? null : usedUp.get(connection);
    if (state == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(state.until())) {
      usedUp.remove(connection, state);
      return Optional.empty();
    }
    if (!now.isBefore(state.lastCall().plus(PROBE_EVERY))
        && usedUp.replace(connection, state, new UsedUp(state.until(), now))) {
      return Optional.empty(); // this call is the probe (only one thread wins the replace)
    }
    return Optional.of(state.until());
  }

  /**
   * After a 429 on this connection, with its Retry-After as read: whether it says the monthly quota
   * is used up; if so, the connection is held back until the reset, which is returned.
   */
  Optional<Instant> afterTooManyRequests(String connection, Optional<Duration> wait) {
    Instant now = clock.instant();
    Optional<Quotas.Quota> figures = quotas.of(connection);
    boolean noneLeft = figures.map(Quotas.Quota::monthlyRemaining).filter(r -> r <= 0).isPresent();
    boolean longWait = wait.filter(w -> w.compareTo(LONGEST_PER_SECOND_WAIT) > 0).isPresent();
    if (connection == null || !(noneLeft || longWait)) {
      return Optional.empty();
    }
    Instant until =
        figures
            .map(Quotas.Quota::resetsAt)
            .filter(now::isBefore)
            .or(() -> wait.map(now::plus))
            .orElse(now.plus(PROBE_EVERY));
    if (until.isAfter(now.plus(LONGEST_HOLD))) {
      until = now.plus(LONGEST_HOLD);
    }
    usedUp.put(connection, new UsedUp(until, now));
    return Optional.of(until);
  }

  /** A call went through (the hourly probe found the quota raised): calls resume. */
  void answered(String connection) {
    if (connection != null && !usedUp.isEmpty()) {
      usedUp.remove(connection);
    }
  }

  /** The connection is gone (disconnected): its hold goes with it. */
  void forget(String connection) {
    usedUp.remove(connection);
  }

  /** When the connection's quota resets, if it is used up now. */
  Optional<Instant> usedUpUntil(String connection) {
    UsedUp state = connection == null ? null : usedUp.get(connection);
    return state == null || !clock.instant().isBefore(state.until())
        ? Optional.empty()
        : Optional.of(state.until());
  }

  /** The share of the monthly quota used, from the last answer's headers (0 to 1), if known. */
  Optional<Double> usedFraction(String connection) {
    return quotas.of(connection).flatMap(MonthlyQuota::usedFraction);
  }

  static Optional<Double> usedFraction(Quotas.Quota q) {
    return q.monthlyLimit() == null || q.monthlyLimit() <= 0 || q.monthlyRemaining() == null
        ? Optional.empty()
        : Optional.of(
            Math.min(
                1.0,
                Math.max(
                    0.0, (q.monthlyLimit() - q.monthlyRemaining()) / (double) q.monthlyLimit())));
  }

  /** The warning a page should show: null, or the threshold passed (80 or 95, in percent). */
  Integer warningLevel(String connection) {
    double used = usedFraction(connection).orElse(0.0);
    if (used >= WARN_STRONGLY) {
      return 95;
    }
    return used >= WARN ? Integer.valueOf(80) : null;
  }
}
