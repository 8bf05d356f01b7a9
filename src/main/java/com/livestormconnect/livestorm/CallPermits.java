package com.livestormconnect.livestorm;

import com.livestormconnect.config.LivestormSettings;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

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
 *       (PostgreSQL) the window lives in the database ({@link SlotTable}), so the guarantee holds
 *       for all nodes together; on Derby (one node) it is kept in memory ({@link Slots}).
 *   <li><b>The pace</b> (Bucket4j, per node: {@value #BURST} starts at once, then one per window /
 *       limit) lets the independent calls of one page start together, which the window allows since
 *       they are fewer than its slots, and spreads a longer queue evenly instead of in bursts of 5.
 *       It guarantees nothing and needs no sharing.
 * </ul>
 *
 * <p>The window keeps, per slot, the instant it is free again and works it out when a caller asks;
 * nothing is scheduled to give a permit back. An earlier version released each permit from a task
 * on the container's {@code ManagedScheduledExecutorService}: on Payara such a task shares the
 * submitting request's component invocation, and when it ended it closed the request's
 * non-transactional EntityManagers while the request still used them (HTTP 500s and stopped
 * exports, issue 13).
 *
 * <p>After a 429 the connection is paused (at most {@link #MAX_PAUSE}), on every node through the
 * window. Callers wait in arrival order (a fair lock per connection and node) up to their deadline;
 * a caller whose deadline passes gets no permit and holds nothing. Sustained rate: {@code limit}
 * per (1 s + round-trip time), about 98 % of the limit at 20 ms round trips.
 */
@ApplicationScoped
public class CallPermits {
  /** A permit for one request: close it as soon as the answer (or the failure) is in. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  static final Duration WINDOW = Duration.ofMillis(1_010);

  /** Starts a page may make at once: its independent calls (three at most today) overlap. */
  static final int BURST = 3;

  /**
   * The longest a 429 may hold a connection back: a {@code Retry-After} of 2147483647 seconds must
   * not stop a connection until restart (issue 10). Livestorm's documented waits are seconds.
   */
  static final Duration MAX_PAUSE = Duration.ofHours(1);

  /**
   * A lane unused for longer than the longest pause has nothing left to enforce (its slots are free
   * and any pause is over), so it may go; at most {@link ConnectionStates#MAX_CONNECTIONS}.
   */
  private final Map<String, Lane> lanes =
      ConnectionStates.<Lane>bounded(MAX_PAUSE.plus(WINDOW)).asMap();

  private int limit;
  private Duration window;
  private Duration pace;
  private Function<String, ArrivalWindow> windows;
  private Optional<SlotTable> shared = Optional.empty();

  @Inject LivestormSettings settings;

  @Inject PermitSlots store;

  /** For CDI. */
  protected CallPermits() {}

  CallPermits(int limit, Duration window) {
    this(limit, window, Optional.empty());
  }

  CallPermits(int limit, Duration window, Optional<SlotTable> shared) {
    configure(limit, window, shared);
  }

  @PostConstruct
  void init() {
    configure(
        settings.rateLimitPerSecond(),
        WINDOW,
        store.shared(settings.rateLimitPerSecond(), WINDOW, settings.connectTimeout()));
  }

  private void configure(int limit, Duration window, Optional<SlotTable> shared) {
    this.limit = limit;
    this.window = window;
    this.pace = window.dividedBy(limit);
    this.shared = shared;
    this.windows =
        shared
            .<Function<String, ArrivalWindow>>map(table -> table::of)
            .orElse(connection -> new Slots(limit, window.toNanos()));
  }

  /** The connection's lane: its window, its pace, and any pause after a 429. */
  private final class Lane {
    final ReentrantLock turn = new ReentrantLock(true);
    final ArrivalWindow window;
    final Bucket pace =
        Bucket.builder()
            .addLimit(
                l -> l.capacity(Math.min(BURST, limit)).refillGreedy(1, CallPermits.this.pace))
            .build();
    volatile long pausedUntilNanos = System.nanoTime();

    Lane(String connection) {
      window = windows.apply(connection);
    }
  }

  /**
   * Waits for a permit for this connection; empty when none comes within {@code maxWait}.
   *
   * @param connection the connection id: permits belong to the connection, not to one access token,
   *     so a refresh does not hand out a fresh allowance
   */
  public Optional<Permit> acquire(String connection, Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
    Lane lane = lanes.computeIfAbsent(connection, Lane::new);
    // One caller at a time goes through window, pace and pause, in arrival order (fair lock): the
    // next one could not be let through earlier anyway, and this keeps the queue strictly FIFO.
    if (!lane.turn.tryLock(left(deadline), TimeUnit.NANOSECONDS)) {
      return Optional.empty();
    }
    ArrivalWindow.Held slot;
    try {
      if (lane.pausedUntilNanos - System.nanoTime() > left(deadline)) {
        return Optional.empty(); // paused past the caller's deadline: no use waiting
      }
      Optional<ArrivalWindow.Held> taken = lane.window.take(deadline);
      if (taken.isEmpty()) {
        return Optional.empty();
      }
      slot = taken.get();
      if (!paced(lane, deadline) || !pauseWaitedOut(lane, deadline)) {
        slot.giveBack();
        return Optional.empty();
      }
    } finally {
      lane.turn.unlock();
    }
    AtomicBoolean closed = new AtomicBoolean();
    return Optional.of(
        () -> {
          if (closed.compareAndSet(false, true)) {
            slot.release();
          }
        });
  }

  private static boolean paced(Lane lane, long deadline) throws InterruptedException {
    long left = left(deadline);
    return left == 0
        ? lane.pace.tryConsume(1)
        : lane.pace.asBlocking().tryConsume(1, Duration.ofNanos(left), BlockingStrategy.PARKING);
  }

  private static boolean pauseWaitedOut(Lane lane, long deadline) throws InterruptedException {
    long pause = lane.pausedUntilNanos - System.nanoTime();
    if (pause <= 0) {
      return true;
    }
    if (pause > left(deadline)) {
      return false;
    }
    TimeUnit.NANOSECONDS.sleep(pause);
    return true;
  }

  /**
   * After a 429 every caller of the connection backs off, not only the one that got it: nobody on
   * this connection is let through before {@code pause} has passed. The pause is capped at {@link
   * #MAX_PAUSE}.
   *
   * @return the pause applied (after the cap)
   */
  public Duration pause(String connection, Duration pause) {
    Duration capped =
        pause.isNegative() ? Duration.ZERO : pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    Lane lane = lanes.computeIfAbsent(connection, Lane::new);
    long until = System.nanoTime() + capped.toNanos();
    synchronized (lane) {
      if (until - lane.pausedUntilNanos > 0) {
        lane.pausedUntilNanos = until;
      }
    }
    // The other nodes back off too when the window is shared.
    lane.window.pause(capped);
    return capped;
  }

  /** When calls on this connection resume after a 429, if they are held back now. */
  public Optional<Instant> resumesAt(String connection) {
    Lane lane = connection == null ? null : lanes.get(connection);
    if (lane == null) {
      return Optional.empty();
    }
    long left = lane.pausedUntilNanos - System.nanoTime();
    return left <= 0 ? Optional.empty() : Optional.of(Instant.now().plusNanos(left));
  }

  /** Lanes kept now, for the bound's test. */
  int connectionsKept() {
    return lanes.size();
  }

  public void forget(String connection) {
    lanes.remove(connection);
    shared.ifPresent(table -> table.forget(connection));
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /**
   * The arrival window of one connection, worked out on demand: for each slot, whether a request
   * holds it and otherwise when it is free again. A caller takes the slot that is free earliest,
   * waiting for it (or for a holder to finish) up to its deadline.
   */
  static final class Slots implements ArrivalWindow {
    private final long windowNanos;
    private final long[] freeAt;
    private final boolean[] held;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    Slots(int size, long windowNanos) {
      this.windowNanos = windowNanos;
      this.freeAt = new long[size];
      this.held = new boolean[size];
      long now = System.nanoTime();
      Arrays.fill(freeAt, now - windowNanos);
    }

    @Override
    public Optional<Held> take(long deadline) throws InterruptedException {
      int slot = takeIndex(deadline);
      if (slot < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new Held() {
            @Override
            public void release() {
              settle(slot, System.nanoTime() + windowNanos);
            }

            @Override
            public void giveBack() {
              settle(slot, freeAt[slot]);
            }
          });
    }

    /** The slot taken, or -1 when none is free before {@code deadline} (System.nanoTime()). */
    private int takeIndex(long deadline) throws InterruptedException {
      lock.lock();
      try {
        while (true) {
          long now = System.nanoTime();
          int earliest = -1;
          for (int i = 0; i < freeAt.length; i++) {
            if (!held[i] && (earliest < 0 || freeAt[i] - freeAt[earliest] < 0)) {
              earliest = i;
            }
          }
          if (earliest >= 0 && freeAt[earliest] - now <= 0) {
            held[earliest] = true;
            return earliest;
          }
          long left = deadline - now;
          if (left <= 0) {
            return -1;
          }
          // Woken early when a holder finishes; otherwise when the earliest slot is free.
          changed.awaitNanos(earliest < 0 ? left : Math.min(left, freeAt[earliest] - now));
        }
      } finally {
        lock.unlock();
      }
    }

    private void settle(int slot, long at) {
      lock.lock();
      try {
        held[slot] = false;
        freeAt[slot] = at;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
