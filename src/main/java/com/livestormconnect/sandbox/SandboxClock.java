package com.livestormconnect.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's notion of "now" for every expiry (codes, access tokens) and for the per-second rate
 * limit. Tests and client developers can move it forward through the control endpoint to make codes
 * and tokens expire without waiting, and freeze it so that requests fall within one sandbox second
 * whatever the machine's speed; it never goes back, so nothing already expired comes back to life
 * (unfrozen, it catches up with the real time plus the moves).
 */
@ApplicationScoped
public class SandboxClock {
  /**
   * How far ahead the clock may ever be: far from Instant.MAX, so no expiry arithmetic overflows.
   */
  public static final Duration MAX_OFFSET = Duration.ofDays(100 * 366);

  private volatile Duration offset = Duration.ZERO;

  /** The instant the clock stands still at, or null while it runs. */
  private volatile Instant frozenAt;

  public Instant now() {
    Instant frozen = frozenAt;
    return frozen != null ? frozen : Instant.now().plus(offset);
  }

  public synchronized void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the sandbox clock only moves forward");
    }
    move(by);
  }

  /**
   * Moves forward by {@code by} unless the total would pass {@code limit}; false (unchanged) then.
   */
  public synchronized boolean advanceWithin(Duration by, Duration limit) {
    if (by.isNegative() || by.compareTo(limit.minus(offset)) > 0) {
      return false;
    }
    move(by);
    return true;
  }

  /** Stops the clock where it is now (true), or lets it run again (false). */
  public synchronized void freeze(boolean frozen) {
    if (frozen && frozenAt == null) {
      frozenAt = Instant.now().plus(offset);
    } else if (!frozen) {
      frozenAt = null;
    }
  }

  public boolean frozen() {
    return frozenAt != null;
  }

  private void move(Duration by) {
    offset = offset.plus(by);
    if (frozenAt != null) {
      frozenAt = frozenAt.plus(by);
    }
  }

  public Duration offset() {
    return offset;
  }
}
