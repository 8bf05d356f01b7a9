package com.livestormconnect.livestorm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.livestormconnect.token.ConnectionRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * What this node keeps in memory per connection (permits, quota figures, counters, monthly holds,
 * recent answers): bounded, so it does not grow with every connection ever seen, and forgotten once
 * a connection is removed (disconnected). The token store fires {@link ConnectionRemoved} and knows
 * nothing of this package.
 */
@ApplicationScoped
public class ConnectionStates {
  /**
   * Connections kept per map at most (the least used go first): far more than one node serves
   * within an hour, so an entry that matters is never pushed out by others.
   */
  static final int MAX_CONNECTIONS = 10_000;

  @Inject CallPermits permits;

  @Inject Quotas quotas;

  @Inject CallMetrics metrics;

  @Inject MonthlyQuota monthlyQuota;

  @Inject RecentAnswers answers;

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

  /** After the deletion committed: a rolled-back disconnection leaves everything in place. */
  void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConnectionRemoved removed) {
    quotas.forget(removed.connectionId());
    metrics.forget(removed.connectionId());
    monthlyQuota.forget(removed.connectionId());
    answers.forget(removed.accountId());
    // Last: with PostgreSQL it deletes the connection's permit_slot rows and may fail (logged by
    // the container); the memory above is freed whatever comes of it.
    permits.forget(removed.connectionId());
  }
}
