package com.livestormconnect.sandbox.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Livestorm's limits and their headers: 5 requests per rolling second per access token (partner
 * guide), and a 10,000-call quota per 30-day period, which the sandbox reports but does not
 * enforce (a long demo must not lock itself out; a test can force a 429 through the faults control).
 */
@ApplicationScoped
public class RateLimits {
  static final int PER_SECOND = 5;
  static final int MONTHLY = 10_000;

  private final RollingSecondLimit burst = new RollingSecondLimit(PER_SECOND);
  private final AtomicLong used = new AtomicLong();
  private final long periodEnds = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();

  /** Counts one request for this token, unless it is over the limit. */
  public RollingSecondLimit.Decision take(String accessToken) {
    RollingSecondLimit.Decision decision = burst.take(accessToken, System.nanoTime() / 1_000_000);
    if (decision.allowed()) {
      used.incrementAndGet();
    }
    return decision;
  }

  /** The documented headers, which Livestorm sends on every response. */
  public void headers(HttpServletResponse response, int intervalRemaining) {
    response.setHeader("RateLimit-Interval-Limit", Integer.toString(PER_SECOND));
    response.setHeader("RateLimit-Interval-Remaining", Integer.toString(intervalRemaining));
    response.setHeader("RateLimit-Monthly-Limit", Integer.toString(MONTHLY));
    response.setHeader("RateLimit-Monthly-Remaining", Long.toString(Math.max(0, MONTHLY - used.get())));
    response.setHeader("RateLimit-Reset", Long.toString(periodEnds));
  }
}
