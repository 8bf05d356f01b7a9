package com.livestormconnect.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Limits password guessing. Every attempt takes a permit <em>before</em> the password is checked,
 * from three token buckets kept in the database ({@link ThrottleTable}: shared by every node and
 * kept across restarts; each take is atomic, so concurrent guesses never exceed a limit). A client
 * is its address, or its /64 for IPv6 ({@link AddressBlock}).
 *
 * <ul>
 *   <li>per (username, client): 5 attempts, then one every 30 s;
 *   <li>per client, all usernames: 20 attempts, then one every 10 s (a spray of names);
 *   <li>per username, from clients where that user has not signed in during the last 30 days:
 *       {@value #ACCOUNT_BUDGET} attempts per hour in all (a distributed attacker's ceiling).
 * </ul>
 *
 * So an attacker at one address locks out only themselves, and the owner keeps signing in from an
 * address they used before even while the account's hourly budget is spent. A successful sign-in
 * gives its permits back. A refusal is logged (username and client block, never the password), at
 * most once a minute per limit and key on each node.
 */
@ApplicationScoped
public class SignInThrottle {
  private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

  static final int PAIR_BURST = 5;
  static final Duration PAIR_REFILL = Duration.ofSeconds(30);
  static final int ADDRESS_BURST = 20;
  static final Duration ADDRESS_REFILL = Duration.ofSeconds(10);
  static final int ACCOUNT_BUDGET = 30;
  static final Duration KNOWN_FOR = Duration.ofDays(30);

  private static final TokenBucket PAIR = new TokenBucket(PAIR_BURST, PAIR_REFILL);
  private static final TokenBucket ADDRESS = new TokenBucket(ADDRESS_BURST, ADDRESS_REFILL);
  private static final TokenBucket ACCOUNT =
      new TokenBucket(ACCOUNT_BUDGET, Duration.ofHours(1).dividedBy(ACCOUNT_BUDGET));

  @Inject ThrottleTable table;

  /** What was logged lately, so that a flood of refused guesses is not a flood of log lines. */
  private final Cache<String, Boolean> logged =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  SignInThrottle() {}

  SignInThrottle(ThrottleTable table) {
    this.table = table;
  }

  /** A permit for one attempt, to be handed back through {@link #succeeded} when it succeeds. */
  public record Permit(String username, String block, boolean fromKnownAddress) {}

  /** Either a permit, or how long to wait before trying again. */
  public record Decision(Permit permit, Duration retryAfter) {
    public boolean allowed() {
      return permit != null;
    }

    static Decision refused(Duration wait) {
      return new Decision(
          null, wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
    }
  }

  /**
   * Takes a permit for one attempt, or says how long to wait (never less than a second) when a
   * limit is reached; nothing is taken then.
   */
  public Decision tryAcquire(String username, String address) {
    String user = key(username);
    String block = AddressBlock.of(address);
    boolean known = table.holds(knownKey(user, block));
    Duration wait = table.change(pair(user, block), PAIR.take());
    if (!wait.isZero()) {
      return refused("username and address", user, block, wait);
    }
    wait = table.change(address(block), ADDRESS.take());
    if (!wait.isZero()) {
      table.change(pair(user, block), PAIR.giveBack());
      return refused("address", user, block, wait);
    }
    if (!known) {
      wait = table.change(account(user), ACCOUNT.take());
      if (!wait.isZero()) {
        table.change(pair(user, block), PAIR.giveBack());
        table.change(address(block), ADDRESS.giveBack());
        return refused("account from unknown addresses", user, block, wait);
      }
    }
    return new Decision(new Permit(user, block, known), Duration.ZERO);
  }

  /** The attempt was right: its permits come back, and the address is known for this user. */
  public void succeeded(Permit permit) {
    table.change(
        pair(permit.username(), permit.block()), (state, now) -> ThrottleTable.Change.delete(null));
    giveBack(permit);
    table.hold(knownKey(permit.username(), permit.block()), KNOWN_FOR);
  }

  /** The attempt never reached a password check (the server was busy): nothing was guessed. */
  public void notUsed(Permit permit) {
    table.change(pair(permit.username(), permit.block()), PAIR.giveBack());
    giveBack(permit);
  }

  private void giveBack(Permit permit) {
    table.change(address(permit.block()), ADDRESS.giveBack());
    if (!permit.fromKnownAddress()) {
      table.change(account(permit.username()), ACCOUNT.giveBack());
    }
  }

  /** Marks an address as the user's own without an attempt (after sign-up from it). */
  public void known(String username, String address) {
    table.hold(knownKey(key(username), AddressBlock.of(address)), KNOWN_FOR);
  }

  private Decision refused(String limit, String user, String block, Duration wait) {
    if (logged.asMap().putIfAbsent(limit + "\n" + user + "\n" + block, Boolean.TRUE) == null) {
      LOG.warning(
          () ->
              "Throttled sign-in ("
                  + limit
                  + " limit) for username '"
                  + user
                  + "' from "
                  + block
                  + "; next attempt allowed in "
                  + Math.max(1, wait.toSeconds())
                  + " s");
    }
    return Decision.refused(wait);
  }

  private static String pair(String user, String block) {
    return "sign-in pair\n" + user + "\n" + block;
  }

  private static String address(String block) {
    return "sign-in address\n" + block;
  }

  private static String account(String user) {
    return "sign-in account\n" + user;
  }

  private static String knownKey(String user, String block) {
    return "known address\n" + user + "\n" + block;
  }

  private static String key(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }
}
