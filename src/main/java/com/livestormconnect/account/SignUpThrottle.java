package com.livestormconnect.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.livestormconnect.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * At most SIGNUP_LIMIT_PER_HOUR (default 5) sign-up attempts per client (address, or /64 for IPv6)
 * in any hour, counted in the database for the whole cluster ({@link ThrottleTable}) and taken
 * before any lookup or hashing. An attempt counts whether the name was new or taken, so probing
 * which usernames exist costs as much as making accounts.
 */
@ApplicationScoped
public class SignUpThrottle {
  private static final Logger LOG = Logger.getLogger(SignUpThrottle.class.getName());
  static final Duration WINDOW = Duration.ofHours(1);

  @Inject ThrottleTable table;

  @Inject Settings settings;

  private int limit;

  /** What was logged lately, so that a flood of refused sign-ups is not a flood of log lines. */
  private final Cache<String, Boolean> logged =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  SignUpThrottle() {}

  SignUpThrottle(ThrottleTable table, int limit) {
    this.table = table;
    this.limit = limit;
  }

  private int limit() {
    return settings != null ? settings.signupLimitPerHour() : limit;
  }

  /** Zero when the attempt may go on (and is counted), else how long until one may. */
  public Duration tryAcquire(String address) {
    String block = AddressBlock.of(address);
    Duration wait = table.change(key(block), new SlidingLog(limit(), WINDOW).record());
    if (!wait.isZero() && logged.asMap().putIfAbsent(block, Boolean.TRUE) == null) {
      LOG.warning(
          () ->
              "Throttled sign-up from "
                  + block
                  + " (more than "
                  + limit()
                  + " in an hour); next allowed in "
                  + Math.max(1, wait.toSeconds())
                  + " s");
    }
    return wait;
  }

  /** The attempt never reached the database (the server was busy): it does not count. */
  public void notUsed(String address) {
    table.change(key(AddressBlock.of(address)), new SlidingLog(limit(), WINDOW).takeBack());
  }

  // The limit is part of the key: a changed limit starts a fresh log rather than judging the old
  // one by the new number.
  private String key(String block) {
    return "sign-up\n" + limit() + "\n" + block;
  }
}
