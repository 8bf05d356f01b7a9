package com.livestormconnect.account;

import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: failed sign-ins take a token from a bucket per username and one
 * per client address; while either is empty, sign-in for it is refused until a token comes back.
 */
@ApplicationScoped
public class SignInThrottle {
  private static final int MAX_TRACKED = 10_000;

  private final Map<String, Bucket> byUsername = new ConcurrentHashMap<>();
  private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

  /** Zero when sign-in may be tried now, otherwise how long to wait. */
  public Duration waitBefore(String username, String address) {
    long nanos = Math.max(wait(byUsername.get(key(username))), wait(byAddress.get(address)));
    return Duration.ofNanos(nanos);
  }

  public void failed(String username, String address) {
    prune(byUsername);
    prune(byAddress);
    // 5 failures in a row, then one more attempt every 30 s for that username.
    byUsername.computeIfAbsent(key(username), k -> bucket(5, Duration.ofSeconds(30))).tryConsume(1);
    // An address gets more room (several people behind one NAT), then one attempt every 10 s.
    byAddress.computeIfAbsent(address, k -> bucket(20, Duration.ofSeconds(10))).tryConsume(1);
  }

  public void succeeded(String username) {
    byUsername.remove(key(username));
  }

  private static long wait(Bucket bucket) {
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return 0;
    }
    return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
  }

  private static Bucket bucket(int capacity, Duration perToken) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, perToken))
        .build();
  }

  /** Keeps memory bounded under a spray of names: forget buckets that have fully refilled. */
  private static void prune(Map<String, Bucket> buckets) {
    if (buckets.size() > MAX_TRACKED) {
      buckets.values().removeIf(b -> b.getAvailableTokens() >= 5);
    }
  }

  private static String key(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }
}
