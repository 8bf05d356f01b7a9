package com.livestormconnect.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's notion of "now" for every expiry (codes, access tokens). Tests and client
 * developers can move it forward through the control endpoint to make codes and tokens expire
 * without waiting; it never goes back, so nothing already expired comes back to life.
 */
@ApplicationScoped
public class SandboxClock {
  /** How far ahead the clock may ever be: far from Instant.MAX, so no expiry arithmetic overflows. */
  public static final Duration MAX_OFFSET = Duration.ofDays(100 * 366);

  private volatile Duration offset = Duration.ZERO;

  public Instant now() {
    return Instant.now().plus(offset);
  }

  public synchronized void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the sandbox clock only moves forward");
    }
    offset = offset.plus(by);
  }

  /** Moves forward by {@code by} unless the total would pass {@code limit}; false (unchanged) then. */
  public synchronized boolean advanceWithin(Duration by, Duration limit) {
    if (by.isNegative() || by.compareTo(limit.minus(offset)) > 0) {
      return false;
    }
    offset = offset.plus(by);
    return true;
  }

  public Duration offset() {
    return offset;
  }
}
