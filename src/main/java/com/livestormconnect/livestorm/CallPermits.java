package com.livestormconnect.livestorm;

import com.livestormconnect.config.LivestormSettings;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-connection permits to send a request to Livestorm, which allows 5 per second per token, with
 * no way to know whether it counts fixed or rolling seconds, and counts requests when they
 * <em>arrive</em>, after a network delay we don't control.
 *
 * <p>Two mechanisms, each for what it is good at:
 *
 * <ul>
 *   <li><b>The window</b> is the guarantee: a semaphore of {@code limit} permits per
 *       connection, where a permit comes back only one second (+10 ms) after its request's answer
 *       arrived. A request reaches Livestorm between the moment it leaves and the moment its answer
 *       comes back, so at most {@code limit} requests can ever arrive within any rolling second,
 *       whatever the latency and jitter. A token bucket alone cannot promise that: a bucket of 5
 *       refilled at 5/s lets 10 through in one rolling second, and even one token every 210 ms let
 *       429s through under load in the benchmark (docs/benchmarks.md).
 *   <li><b>The pace</b> (Bucket4j: capacity 1, one token per window / limit) spreads starts
 *       evenly instead of in bursts of 5, so that waiting callers are served smoothly.
 * </ul>
 *
 * <p>With several nodes (PostgreSQL), the window still guards each node, and the pace is shared:
 * the same Bucket4j bucket lives in the database ({@link PermitBuckets}), each reservation one
 * short transaction. Across nodes the pace is the guarantee, so it keeps a 5 % margin for jitter
 * (one start every 210 ms at 5/s) and a 429 pauses every node's callers through it.
 *
 * <p>Callers wait in arrival order (a fair lock per connection) up to their
 * deadline; a caller whose deadline passes gets no permit and holds nothing. Sustained rate:
 * {@code limit} per (1 s + round-trip time), about 98 % of the limit at 20 ms round trips.
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
  static final double SHARED_SAFETY = 1.05;

  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private int limit;
  private Duration window;
  private Duration pace;
  private ScheduledExecutorService releases;
  private Optional<ProxyManager<String>> shared = Optional.empty();
  private BucketConfiguration sharedPace;

  @Inject
  LivestormSettings settings;

  @Inject
  PermitBuckets store;

  @Resource
  ManagedScheduledExecutorService managedScheduler;

  /** For CDI. */
  protected CallPermits() {}

  CallPermits(int limit, Duration window, ScheduledExecutorService releases) {
    this(limit, window, releases, Optional.empty());
  }

  CallPermits(int limit, Duration window, ScheduledExecutorService releases,
      Optional<ProxyManager<String>> shared) {
    configure(limit, window, releases, shared);
  }

  @PostConstruct
  void init() {
    configure(settings.rateLimitPerSecond(), WINDOW, managedScheduler, store.shared());
  }

  private void configure(int limit, Duration window, ScheduledExecutorService releases,
      Optional<ProxyManager<String>> shared) {
    this.limit = limit;
    this.window = window;
    this.releases = releases;
    this.shared = shared;
    this.pace = shared.isPresent()
        ? Duration.ofNanos((long) Math.ceil(SHARED_SAFETY * 1_000_000_000L / limit))
        : window.dividedBy(limit);
    this.sharedPace = BucketConfiguration.builder()
        .addLimit(l -> l.capacity(1).refillGreedy(1, pace))
        .build();
  }

  /** The connection's lane: its window, its pace, and any pause after a 429. */
  private final class Lane {
    final ReentrantLock turn = new ReentrantLock(true);
    final Semaphore window = new Semaphore(limit);
    final Bucket pace;
    volatile long pausedUntilNanos = System.nanoTime();

    Lane(String connection) {
      // A proxy is only the key and the configuration; the state stays in the database.
      pace = shared.<Bucket>map(proxies -> proxies.builder().build(connection, () -> sharedPace))
          .orElseGet(() -> Bucket.builder().addLimit(l -> l.capacity(1).refillGreedy(1, CallPermits.this.pace)).build());
    }
  }

  /**
   * Waits for a permit for this connection; empty when none comes within {@code maxWait}.
   *
   * @param connection the connection id: permits belong to the connection, not to one access
   *     token, so a refresh does not hand out a fresh allowance
   */
  public Optional<Permit> acquire(String connection, Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
    Lane lane = lanes.computeIfAbsent(connection, Lane::new);
    // One caller at a time goes through window, pace and pause, in arrival order (fair lock): the
    // next one could not be let through earlier anyway, and this keeps the queue strictly FIFO.
    if (!lane.turn.tryLock(left(deadline), TimeUnit.NANOSECONDS)) {
      return Optional.empty();
    }
    try {
      if (!lane.window.tryAcquire(left(deadline), TimeUnit.NANOSECONDS)) {
        return Optional.empty();
      }
      if (!paced(lane, deadline) || !pauseWaitedOut(lane, deadline)) {
        lane.window.release();
        return Optional.empty();
      }
    } finally {
      lane.turn.unlock();
    }
    return Optional.of(() -> releases.schedule(() -> lane.window.release(), window.toNanos(),
        TimeUnit.NANOSECONDS));
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
   * this connection is let through before {@code pause} has passed.
   */
  public void pause(String connection, Duration pause) {
    Lane lane = lanes.computeIfAbsent(connection, Lane::new);
    long until = System.nanoTime() + pause.toNanos();
    synchronized (lane) {
      if (until - lane.pausedUntilNanos > 0) {
        lane.pausedUntilNanos = until;
      }
    }
    if (shared.isPresent()) {
      // The other nodes back off too: the shared pace goes into debt for the pause.
      long slots = Math.max(1, (pause.toNanos() + this.pace.toNanos() - 1) / this.pace.toNanos());
      lane.pace.consumeIgnoringRateLimits(slots);
    }
  }

  public void forget(String connection) {
    lanes.remove(connection);
    shared.ifPresent(proxies -> proxies.removeProxy(connection));
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }
}
