package com.livestormconnect.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Faults queued by a test: the next {@code count} API requests answer {@code status}; the next
 * refreshes lose their answer after rotating.
 */
@ApplicationScoped
public class Faults {
  public record Fault(int status, int retryAfterSeconds) {}

  private Fault fault;
  private int remaining;

  public synchronized void queue(int status, int count, int retryAfterSeconds) {
    fault = new Fault(status, retryAfterSeconds);
    remaining = count;
  }

  /** The fault for this request, if one is still queued; each call uses one up. */
  public synchronized Optional<Fault> take() {
    if (remaining <= 0) {
      return Optional.empty();
    }
    remaining--;
    return Optional.of(fault);
  }

  public synchronized int remaining() {
    return remaining;
  }

  private int lostRefreshAnswers;

  /** The next {@code count} successful refreshes rotate the tokens, then lose their answer. */
  public synchronized void loseRefreshAnswers(int count) {
    lostRefreshAnswers = count;
  }

  /** Whether this refresh's answer is to be lost; each call uses one up. */
  public synchronized boolean takeLostRefreshAnswer() {
    if (lostRefreshAnswers <= 0) {
      return false;
    }
    lostRefreshAnswers--;
    return true;
  }
}
