package com.livestormconnect.livestorm.budget;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Counters and timings of calls to Livestorm, per connection and in total, for operators ({@code
 * /metrics}) and the admin page. In memory, per node, since start.
 */
final class CallMetrics {
  /**
   * A connection's counters not touched for a month are of no use to anyone watching the node (the
   * totals keep what it did), so they may go.
   */
  static final Duration KEPT = Duration.ofDays(32);

  /** One set of counters. */
  private static final class Adders {
    final LongAdder calls = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder refreshes = new LongAdder();
    final LongAdder refreshFailures = new LongAdder();
    final LongAdder permitWaitNanos = new LongAdder();
    final LongAdder callNanos = new LongAdder();

    CallBudget.Counters snapshot() {
      return new CallBudget.Counters(
          calls.sum(),
          failures.sum(),
          rateLimited.sum(),
          retries.sum(),
          refreshes.sum(),
          refreshFailures.sum(),
          Duration.ofNanos(permitWaitNanos.sum()),
          Duration.ofNanos(callNanos.sum()));
    }
  }

  /**
   * Upper bounds (seconds) of the permit-wait histogram's buckets, for {@code /metrics}: from "no
   * wait" up to the 90 s deadline after which a caller gives up.
   */
  private static final double[] PERMIT_WAIT_BUCKETS = {
    0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 90
  };

  private final LongAdder[] permitWaitBuckets = new LongAdder[PERMIT_WAIT_BUCKETS.length + 1];
  private final LongAdder permitWaits = new LongAdder();

  {
    for (int i = 0; i < permitWaitBuckets.length; i++) {
      permitWaitBuckets[i] = new LongAdder();
    }
  }

  private final Adders total = new Adders();

  /** Per connection: bounded, dropped after a month unused or on disconnection; totals keep all. */
  private final Map<String, Adders> byConnection = ConnectionStates.<Adders>bounded(KEPT).asMap();

  private Adders of(String connection) {
    return connection == null ? null : byConnection.computeIfAbsent(connection, c -> new Adders());
  }

  private void add(String connection, Function<Adders, LongAdder> counter, long n) {
    counter.apply(total).add(n);
    Adders c = of(connection);
    if (c != null) {
      counter.apply(c).add(n);
    }
  }

  void call(String connection, long nanos, boolean failed) {
    add(connection, c -> c.calls, 1);
    add(connection, c -> c.callNanos, nanos);
    if (failed) {
      add(connection, c -> c.failures, 1);
    }
  }

  void rateLimited(String connection) {
    add(connection, c -> c.rateLimited, 1);
  }

  void retried(String connection) {
    add(connection, c -> c.retries, 1);
  }

  void permitWait(String connection, long nanos) {
    add(connection, c -> c.permitWaitNanos, nanos);
    int bucket = 0;
    while (bucket < PERMIT_WAIT_BUCKETS.length && nanos / 1e9 > PERMIT_WAIT_BUCKETS[bucket]) {
      bucket++;
    }
    permitWaitBuckets[bucket].increment();
    permitWaits.increment();
  }

  /** The permit-wait histogram's bucket bounds, in seconds. */
  static double[] permitWaitBuckets() {
    return PERMIT_WAIT_BUCKETS.clone();
  }

  /** Every permit wait since start, by bucket of {@link #permitWaitBuckets} (not cumulative). */
  CallBudget.WaitHistogram permitWaits() {
    long[] counts = new long[permitWaitBuckets.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = permitWaitBuckets[i].sum();
    }
    return new CallBudget.WaitHistogram(
        counts, permitWaitBuckets(), permitWaits.sum(), total.snapshot().permitWait());
  }

  void refreshed(String connection) {
    add(connection, c -> c.refreshes, 1);
  }

  void refreshFailed(String connection) {
    add(connection, c -> c.refreshFailures, 1);
  }

  /** The connection is gone: its counters go too (the totals keep what it did). */
  void forget(String connection) {
    byConnection.remove(connection);
  }

  CallBudget.Counters total() {
    return total.snapshot();
  }

  CallBudget.Counters forConnection(String connection) {
    Adders c = connection == null ? null : byConnection.get(connection);
    return c != null ? c.snapshot() : new Adders().snapshot();
  }

  /** Every connection's counters, sorted by connection id. */
  Map<String, CallBudget.Counters> byConnection() {
    Map<String, CallBudget.Counters> all = new TreeMap<>();
    byConnection.forEach((id, c) -> all.put(id, c.snapshot()));
    return all;
  }
}
