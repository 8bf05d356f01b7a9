package com.livestormconnect.livestorm;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Counters and timings of calls to Livestorm, per connection and in total, for operators ({@code
 * /metrics}) and the admin page. In memory, per node, since start.
 */
@ApplicationScoped
public class CallMetrics {
  /** One set of counters. */
  public static final class Counters {
    final LongAdder calls = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder refreshes = new LongAdder();
    final LongAdder refreshFailures = new LongAdder();
    final LongAdder permitWaitNanos = new LongAdder();
    final LongAdder callNanos = new LongAdder();

    public Snapshot snapshot() {
      return new Snapshot(
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

  /** Counters at one instant. */
  public record Snapshot(
      long calls,
      long failures,
      long rateLimited,
      long retries,
      long refreshes,
      long refreshFailures,
      Duration permitWait,
      Duration callTime) {
    public double averageCallMillis() {
      return calls == 0 ? 0 : callTime.toNanos() / 1e6 / calls;
    }
  }

  /**
   * Upper bounds (seconds) of the permit-wait histogram's buckets, for {@code /metrics}: from "no
   * wait" up to the 90 s deadline after which a caller gives up.
   */
  private static final double[] PERMIT_WAIT_BUCKETS = {
    0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 90
  };

  /**
   * How many permit waits fell into each bucket (the last one counts the waits above every bound).
   */
  public record WaitHistogram(long[] bucketCounts, long count, Duration sum) {}

  private final LongAdder[] permitWaitBuckets = new LongAdder[PERMIT_WAIT_BUCKETS.length + 1];
  private final LongAdder permitWaits = new LongAdder();

  {
    for (int i = 0; i < permitWaitBuckets.length; i++) {
      permitWaitBuckets[i] = new LongAdder();
    }
  }

  private final Counters total = new Counters();

  /** Per connection: bounded, dropped after a month unused or on disconnection; totals keep all. */
  private final Map<String, Counters> byConnection =
      ConnectionStates.<Counters>bounded(MonthlyQuota.LONGEST_HOLD).asMap();

  private Counters of(String connection) {
    return connection == null
        ? null
        : byConnection.computeIfAbsent(connection, c -> new Counters());
  }

  private void add(String connection, Function<Counters, LongAdder> counter, long n) {
    counter.apply(total).add(n);
    Counters c = of(connection);
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
  public static double[] permitWaitBuckets() {
    return PERMIT_WAIT_BUCKETS.clone();
  }

  /** Every permit wait since start, by bucket of {@link #permitWaitBuckets} (not cumulative). */
  public WaitHistogram permitWaits() {
    long[] counts = new long[permitWaitBuckets.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = permitWaitBuckets[i].sum();
    }
    return new WaitHistogram(counts, permitWaits.sum(), total.snapshot().permitWait());
  }

  public void refreshed(String connection) {
    add(connection, c -> c.refreshes, 1);
  }

  public void refreshFailed(String connection) {
    add(connection, c -> c.refreshFailures, 1);
  }

  /** The connection is gone: its counters go too (the totals keep what it did). */
  void forget(String connection) {
    byConnection.remove(connection);
  }

  public Snapshot total() {
    return total.snapshot();
  }

  public Snapshot forConnection(String connection) {
    Counters c = byConnection.get(connection);
    return c != null ? c.snapshot() : new Counters().snapshot();
  }

  /** Every connection's counters, sorted by connection id. */
  public Map<String, Snapshot> byConnection() {
    Map<String, Snapshot> all = new TreeMap<>();
    byConnection.forEach((id, c) -> all.put(id, c.snapshot()));
    return all;
  }
}
