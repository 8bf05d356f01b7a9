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

  public Duration offset() {
    return offset;
  }
}
