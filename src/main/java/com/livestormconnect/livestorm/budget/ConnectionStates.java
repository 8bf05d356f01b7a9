package com.livestormconnect.livestorm.budget;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * What the budget keeps in memory per connection (lanes, windows, quota figures, counters) is
 * bounded, so that it does not grow with every connection ever seen; each map says how long its own
 * entries matter. {@link CallBudget} forgets a connection once it is removed.
 */
final class ConnectionStates {
  /**
   * Connections kept per map at most (the least used go first): far more than one node serves
   * within an hour, so an entry that matters is never pushed out by others.
   */
  static final int MAX_CONNECTIONS = 10_000;

  private ConnectionStates() {}

  /**
   * A map keyed by connection id that keeps {@link #MAX_CONNECTIONS} entries at most, each until it
   * has not been used for {@code idle}. Evictions happen on the calling thread (no pool needed in
   * the container).
   */
  static <V> Cache<String, V> bounded(Duration idle) {
    return Caffeine.newBuilder()
        .maximumSize(MAX_CONNECTIONS)
        .expireAfterAccess(idle)
        .executor(Runnable::run)
        .build();
  }
}
