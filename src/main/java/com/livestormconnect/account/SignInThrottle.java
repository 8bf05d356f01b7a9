package com.livestormconnect.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * Limits password guessing. Every attempt takes a permit <em>before</em> the password is checked
 * (Bucket4j's tryConsume is atomic, so concurrent guesses never exceed a limit), from three
 * buckets:
 *
 * <ul>
 *   <li>per (username, client address): 5 attempts, then one every 30 s;
 *   <li>per client address, all usernames: 20 attempts, then one every 10 s (a spray of names);
 *   <li>per username, from addresses where that user has not signed in during the last 30 days:
 *       {@value #ACCOUNT_BUDGET} attempts per hour in all (a distributed attacker's ceiling).
 * </ul>
 *
 * So an attacker at one address locks out only themselves, and the owner keeps signing in from an
 * address they used before even while the account's hourly budget is spent. A successful sign-in
 * gives its permits back. Every map is a Caffeine cache, bounded and expiring.
 */
@ApplicationScoped
public class SignInThrottle {
  static final int PAIR_BURST = 5;
  static final Duration PAIR_REFILL = Duration.ofSeconds(30);
  static final int ADDRESS_BURST = 20;
  static final Duration ADDRESS_REFILL = Duration.ofSeconds(10);
  static final int ACCOUNT_BUDGET = 30;
  static final Duration KNOWN_FOR = Duration.ofDays(30);
  private static final long MAX_KEYS = 100_000;

  private final Cache<String, Bucket> byPair = cache(PAIR_REFILL.multipliedBy(PAIR_BURST));
  private final Cache<String, Bucket> byAddress = cache(ADDRESS_REFILL.multipliedBy(ADDRESS_BURST));
  private final Cache<String, Bucket> byAccount = cache(Duration.ofHours(1));
  private final Cache<String, Boolean> knownAddresses =
      Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(KNOWN_FOR).build();

  /** A permit for one attempt, to be handed back through {@link #succeeded} when it succeeds. */
  public record Permit(String username, String address, boolean fromKnownAddress) {}

  /** Either a permit, or how long to wait before trying again. */
  public record Decision(Permit permit, Duration retryAfter) {
    public boolean allowed() {
      return permit != null;
    }

    static Decision refused(Bucket bucket) {
      long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
      return new Decision(null, Duration.ofNanos(Math.max(nanos, Duration.ofSeconds(1).toNanos())));
    }
  }

  /**
   * Takes a permit for one attempt, or says how long to wait (never less than a second) when a
   * limit is reached; nothing is taken then.
   */
  public Decision tryAcquire(String username, String address) {
    String user = key(username);
    String pairKey = user + "\n" + address;
    boolean known = knownAddresses.getIfPresent(pairKey) != null;
    Bucket pair =
        byPair.get(
            pairKey, k -> bucket(PAIR_BURST, PAIR_BURST, PAIR_REFILL.multipliedBy(PAIR_BURST)));
    if (!pair.tryConsume(1)) {
      return Decision.refused(pair);
    }
    Bucket perAddress =
        byAddress.get(
            address,
            k -> bucket(ADDRESS_BURST, ADDRESS_BURST, ADDRESS_REFILL.multipliedBy(ADDRESS_BURST)));
    if (!perAddress.tryConsume(1)) {
      pair.addTokens(1);
      return Decision.refused(perAddress);
    }
    if (!known) {
      Bucket account =
          byAccount.get(user, k -> bucket(ACCOUNT_BUDGET, ACCOUNT_BUDGET, Duration.ofHours(1)));
      if (!account.tryConsume(1)) {
        pair.addTokens(1);
        perAddress.addTokens(1);
        return Decision.refused(account);
      }
    }
    return new Decision(new Permit(user, address, known), Duration.ZERO);
  }

  /** The attempt was right: its permits come back, and the address is known for this user. */
  public void succeeded(Permit permit) {
    String pairKey = permit.username() + "\n" + permit.address();
    byPair.invalidate(pairKey);
    giveBack(permit);
    knownAddresses.put(pairKey, Boolean.TRUE);
  }

  /** The attempt never reached a password check (the server was busy): nothing was guessed. */
  public void notUsed(Permit permit) {
    Bucket pair = byPair.getIfPresent(permit.username() + "\n" + permit.address());
    if (pair != null) {
      pair.addTokens(1);
    }
    giveBack(permit);
  }

  private void giveBack(Permit permit) {
    Bucket perAddress = byAddress.getIfPresent(permit.address());
    if (perAddress != null) {
      perAddress.addTokens(1);
    }
    Bucket account = byAccount.getIfPresent(permit.username());
    if (account != null && !permit.fromKnownAddress()) {
      account.addTokens(1);
    }
  }

  /** Marks an address as the user's own without an attempt (after sign-up from it). */
  public void known(String username, String address) {
    knownAddresses.put(key(username) + "\n" + address, Boolean.TRUE);
  }

  /** A bucket of {@code capacity}, refilled by {@code tokens} gradually over {@code period}. */
  private static Bucket bucket(int capacity, int tokens, Duration period) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(tokens, period))
        .build();
  }

  /** Forgets a key once its bucket would have refilled completely anyway. */
  private static Cache<String, Bucket> cache(Duration fullRefill) {
    return Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(fullRefill).build();
  }

  private static String key(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }
}
