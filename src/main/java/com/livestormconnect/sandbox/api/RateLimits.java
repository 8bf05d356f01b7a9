package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.SandboxClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Livestorm's limits and their headers: 5 requests per rolling second per access token (partner
 * guide), and a monthly quota per organization (10,000 calls per 30-day period by default, {@code
 * SANDBOX_MONTHLY_QUOTA}), enforced as Livestorm does: once used up, every call is a 429 whose
 * Retry-After runs to the end of the period (days). The sandbox has one organization, so the quota
 * is counted across all its tokens; the period follows the sandbox clock, so a test can move past
 * the reset, and a control sets the calls left.
 */
@ApplicationScoped
public class RateLimits {
  static final int PER_SECOND = 5;
  static final long DEFAULT_MONTHLY = 10_000;
  static final Duration PERIOD = Duration.ofDays(30);

  @Inject SandboxClock clock;

  private final RollingSecondLimit burst = new RollingSecondLimit(PER_SECOND);
  private long used;
  private Instant periodEnds;

  /**
   * Whether the organization's monthly quota is used up (the period is renewed first if it ended).
   */
  public synchronized boolean quotaUsedUp() {
    renew();
    return used >= monthlyLimit();
  }

  /** Seconds until the period ends, for the Retry-After of a quota refusal. */
  public synchronized long secondsUntilReset() {
    renew();
    return Math.max(1, Duration.between(clock.now(), periodEnds).toSeconds());
  }

  /**
   * Counts one request for this token, unless it is over the per-second limit. The second is the
   * sandbox clock's, so that a test can freeze it and find the sixth request refused every time.
   */
  public RollingSecondLimit.Decision take(String accessToken) {
    RollingSecondLimit.Decision decision = burst.take(accessToken, clock.now().toEpochMilli());
    if (decision.allowed()) {
      synchronized (this) {
        renew();
        used++;
      }
    }
    return decision;
  }

  /** Test control: the calls left in this period (the period itself goes on). */
  public synchronized long setRemaining(long remaining) {
    renew();
    used = Math.max(0, monthlyLimit() - Math.max(0, remaining));
    return monthlyLimit() - used;
  }

  /** The documented headers, which Livestorm sends on every response, as they are now. */
  public synchronized Map<String, String> headers(int intervalRemaining) {
    renew();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("RateLimit-Interval-Limit", Integer.toString(PER_SECOND));
    headers.put("RateLimit-Interval-Remaining", Integer.toString(intervalRemaining));
    headers.put("RateLimit-Monthly-Limit", Long.toString(monthlyLimit()));
    headers.put("RateLimit-Monthly-Remaining", Long.toString(Math.max(0, monthlyLimit() - used)));
    headers.put("RateLimit-Reset", Long.toString(periodEnds.getEpochSecond()));
    return headers;
  }

  private void renew() {
    Instant now = clock.now();
    if (periodEnds == null || !now.isBefore(periodEnds)) {
      periodEnds = now.plus(PERIOD);
      used = 0;
    }
  }

  /**
   * SANDBOX_MONTHLY_QUOTA, read on every use so that a test can change it in the running server.
   */
  static long monthlyLimit() {
    String raw =
        System.getProperty("SANDBOX_MONTHLY_QUOTA", System.getenv("SANDBOX_MONTHLY_QUOTA"));
    try {
      long limit = raw == null ? DEFAULT_MONTHLY : Long.parseLong(raw.trim());
      return limit > 0 ? limit : DEFAULT_MONTHLY;
    } catch (NumberFormatException e) {
      return DEFAULT_MONTHLY;
    }
  }
}
