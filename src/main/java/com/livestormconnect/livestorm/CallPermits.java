package com.livestormconnect.livestorm;

import com.livestormconnect.config.LivestormSettings;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Per-connection permits to start a request to Livestorm, which allows 5 per second per token.
 *
 * <p>Why one token every 210 ms and not a bucket of 5 refilled at 5 per second: nobody knows
 * whether Livestorm counts fixed or rolling seconds, and a bucket of capacity 5 refilled at 5/s lets
 * 10 requests through in one rolling second (5 stored, 5 refilled). A bucket of capacity 1 refilled
 * greedily spaces starts at least {@code 1000 ms / limit × 1.05} apart, so any rolling second holds
 * at most {@code limit} starts, and the 5 % (50 ms per window at 5/s) absorbs network jitter between
 * leaving here and arriving there. Sustained rate: 4.76/s, 95 % of the limit.
 *
 * <p>Waiting callers are served in the order they asked: Bucket4j reserves a slot for each caller
 * atomically, then the caller parks until its slot. A caller whose slot would come after its
 * deadline gets no slot and consumes nothing.
 *
 * <p>On one node the buckets are in memory. With several nodes (PostgreSQL) the same buckets live
 * in the database ({@link PermitBuckets}) and the reservation is atomic across nodes; the rules
 * above are unchanged.
 */
@ApplicationScoped
public class CallPermits {
  static final double SAFETY = 1.05;

  private final Duration spacing;
  private final Function<String, Bucket> buckets;
  private final Consumer<String> forgetting;
  private final BlockingStrategy waiting;

  @Inject
  public CallPermits(LivestormSettings settings, PermitBuckets store) {
    this(settings.rateLimitPerSecond(), TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING,
        store.shared());
  }

  /** For the CDI container's client proxy only. */
  protected CallPermits() {
    this(5, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING, Optional.empty());
  }

  CallPermits(int perSecond, TimeMeter clock, BlockingStrategy waiting) {
    this(perSecond, clock, waiting, Optional.empty());
  }

  /**
   * @param clock the local buckets' clock; shared buckets use the wall clock, the only one that
   *     means the same on every node
   */
  CallPermits(int perSecond, TimeMeter clock, BlockingStrategy waiting,
      Optional<ProxyManager<String>> shared) {
    this.spacing = spacing(perSecond);
    this.waiting = waiting;
    Bandwidth limit = Bandwidth.builder().capacity(1).refillGreedy(1, spacing).build();
    if (shared.isPresent()) {
      ProxyManager<String> proxies = shared.get();
      BucketConfiguration configuration = BucketConfiguration.builder().addLimit(limit).build();
      // A proxy is only the key and the configuration: building one per call costs nothing.
      this.buckets = connection -> proxies.builder().build(connection, () -> configuration);
      this.forgetting = proxies::removeProxy;
    } else {
      Map<String, Bucket> local = new ConcurrentHashMap<>();
      this.buckets = connection -> local.computeIfAbsent(connection,
          key -> Bucket.builder().addLimit(limit).withCustomTimePrecision(clock).build());
      this.forgetting = local::remove;
    }
  }

  static Duration spacing(int perSecond) {
    return Duration.ofNanos((long) Math.ceil(1_000_000_000L * SAFETY / perSecond));
  }

  /**
   * Waits for this connection's next slot; false when it would come after {@code maxWait}.
   *
   * @param connection the connection id: permits belong to the connection, not to one access
   *     token, so a refresh does not hand out a fresh allowance
   */
  public boolean acquire(String connection, Duration maxWait) throws InterruptedException {
    if (maxWait.isNegative()) {
      return false;
    }
    if (maxWait.isZero()) {
      return buckets.apply(connection).tryConsume(1);
    }
    return buckets.apply(connection).asBlocking().tryConsume(1, maxWait, waiting);
  }

  /**
   * After a 429 every caller of the connection backs off, not only the one that got it: the bucket
   * goes into debt for {@code pause}, so every slot handed out from now on comes after it.
   */
  public void pause(String connection, Duration pause) {
    long slots = Math.max(1, (pause.toNanos() + spacing.toNanos() - 1) / spacing.toNanos());
    buckets.apply(connection).consumeIgnoringRateLimits(slots);
  }

  public void forget(String connection) {
    forgetting.accept(connection);
  }

  public Duration spacing() {
    return spacing;
  }
}
