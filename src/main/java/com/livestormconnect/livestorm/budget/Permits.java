package com.livestormconnect.livestorm.budget;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per-connection permits to send a request to Livestorm, which allows 5 per second per token, with
 * no way to know whether it counts fixed or rolling seconds, and counts requests when they
 * <em>arrive</em>, after a network delay we don't control.
 *
 * <p>Two mechanisms, each for what it is good at:
 *
 * <ul>
 *   <li><b>The window</b> ({@link ArrivalWindow}) is the guarantee: {@code limit} slots per
 *       connection, where a slot is free again only one second (+10 ms) after its request's answer
 *       arrived. A request reaches Livestorm between the moment it leaves and the moment its answer
 *       comes back, so at most {@code limit} requests can ever arrive within any rolling second,
 *       whatever the latency and jitter. A token bucket alone cannot promise that: a bucket of 5
 *       refilled at 5/s lets 10 through in one rolling second, and even one token every 210 ms let
 *       429s through under load in the benchmark (docs/benchmarks.md). With several nodes
 *       (PostgreSQL) the window is shared by all of them ({@link SharedWindow}), so the guarantee
 *       holds for all nodes together; on one node (Derby) it is kept in memory ({@link
 *       MemoryWindow}).
 *   <li><b>The pace</b> (Bucket4j, per node: {@value #BURST} starts at once, then one per window /
 *       limit) lets the independent calls of one page start together, which the window allows since
 *       they are fewer than its slots, and spreads a longer queue evenly instead of in bursts of 5.
 *       It guarantees nothing and needs no sharing.
 * </ul>
 *
 * <p>The window keeps, per slot, the instant it is free again and works it out when a caller asks;
 * nothing is scheduled to give a permit back: on Payara a task on the container's scheduled
 * executor shares the submitting request's component invocation and, when it ends, closes the
 * request's non-transactional EntityManagers while the request still uses them.
 *
 * <p>After a 429 the connection is paused (at most {@link #MAX_PAUSE}), on every node through the
 * window. Callers wait for their turn ({@link Turns}: interactive callers first, then background
 * work, each in arrival order) up to their deadline; a caller whose deadline passes gets no permit
 * and holds nothing. Sustained rate: {@code limit} per (1 s + round-trip time), about 98 % of the
 * limit at 20 ms round trips.
 */
final class Permits {
  static final Duration WINDOW = Duration.ofMillis(1_010);

  /** Starts a page may make at once: its independent calls (three at most today) overlap. */
  static final int BURST = 3;

  /**
   * The longest a 429 may hold a connection back: a {@code Retry-After} of 2147483647 seconds must
   * not stop a connection until restart. Livestorm's documented waits are seconds.
   */
  static final Duration MAX_PAUSE = Duration.ofHours(1);

  private final int limit;
  private final Duration pace;
  private final ArrivalWindow window;

  /** A lane only paces and orders this node's callers, so one unused for a window may go. */
  private final Map<String, Lane> lanes =
      ConnectionStates.<Lane>bounded(WINDOW.multipliedBy(60)).asMap();

  Permits(int limit, Duration window, ArrivalWindow arrivals) {
    this.limit = limit;
    this.pace = window.dividedBy(limit);
    this.window = arrivals;
  }

  /** A connection's callers on this node: whose turn it is, and the pace. */
  private final class Lane {
    final Turns turns = new Turns();
    final Bucket pace =
        Bucket.builder()
            .addLimit(l -> l.capacity(Math.min(BURST, limit)).refillGreedy(1, Permits.this.pace))
            .build();
  }

  /**
   * Waits for a permit for this connection; empty when none comes within {@code maxWait}.
   *
   * @param connection the connection id: permits belong to the connection, not to one access token,
   *     so a refresh does not hand out a fresh allowance
   */
  Optional<CallBudget.Permit> acquire(
      String connection, CallBudget.Priority priority, Duration maxWait)
      throws InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
    Lane lane = lanes.computeIfAbsent(connection, c -> new Lane());
    // One caller at a time goes through window, pace and pause: the next one could not be let
    // through earlier anyway, and this keeps each priority's queue strictly in arrival order.
    if (!lane.turns.take(priority, deadline)) {
      return Optional.empty();
    }
    ArrivalWindow.Held slot;
    try {
      if (pauseLeft(connection) > left(deadline)) {
        return Optional.empty(); // paused past the caller's deadline: no use waiting
      }
      Optional<ArrivalWindow.Held> taken = window.take(connection, deadline);
      if (taken.isEmpty()) {
        return Optional.empty();
      }
      slot = taken.get();
      if (!paced(lane, deadline) || !pauseWaitedOut(connection, deadline)) {
        slot.giveBack();
        return Optional.empty();
      }
    } finally {
      lane.turns.done();
    }
    AtomicBoolean closed = new AtomicBoolean();
    return Optional.of(
        () -> {
          if (closed.compareAndSet(false, true)) {
            slot.release();
          }
        });
  }

  /** How long the connection's pause still runs (0: none). */
  private long pauseLeft(String connection) {
    return window
        .resumesAt(connection)
        .map(at -> Math.max(0, Duration.between(Instant.now(), at).toNanos()))
        .orElse(0L);
  }

  private static boolean paced(Lane lane, long deadline) throws InterruptedException {
    long left = left(deadline);
    return left == 0
        ? lane.pace.tryConsume(1)
        : lane.pace.asBlocking().tryConsume(1, Duration.ofNanos(left), BlockingStrategy.PARKING);
  }

  /** A 429 may have come in while this caller was pacing: it waits the pause out, if it can. */
  private boolean pauseWaitedOut(String connection, long deadline) throws InterruptedException {
    long pause = pauseLeft(connection);
    if (pause > left(deadline)) {
      return false;
    }
    TimeUnit.NANOSECONDS.sleep(pause);
    return true;
  }

  /**
   * After a 429 every caller of the connection backs off, not only the one that got it: nobody on
   * this connection, on any node that shares the window, is let through before {@code pause} has
   * passed. The pause is capped at {@link #MAX_PAUSE}.
   *
   * @return the pause applied (after the cap)
   */
  Duration pause(String connection, Duration pause) {
    Duration capped =
        pause.isNegative() ? Duration.ZERO : pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    window.pause(connection, capped);
    return capped;
  }

  /** When calls on this connection resume after a 429, if they are held back now. */
  Optional<Instant> resumesAt(String connection) {
    return connection == null ? Optional.empty() : window.resumesAt(connection);
  }

  /** Lanes kept now, for the bound's test. */
  int connectionsKept() {
    return lanes.size();
  }

  void forget(String connection) {
    lanes.remove(connection);
    window.forget(connection);
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }
}
