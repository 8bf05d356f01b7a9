package com.livestormconnect.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Faults queued by a test: the next {@code count} API requests answer {@code status}; the next
 * refreshes lose their answer after rotating; refreshes hold their answer, after rotating, until
 * released (so a test can act while a client is known to be in the middle of a refresh).
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

  /** The longest a refresh's answer is held, so a test that forgets to release cannot hang. */
  static final Duration MAX_HOLD = Duration.ofSeconds(60);

  /**
   * Guards the hold, apart from the synchronized methods above: Weld's client proxy repeats their
   * {@code synchronized} on itself, so a thread waiting inside one would keep every other caller of
   * the bean out.
   */
  private final Object holdMonitor = new Object();

  private boolean holdRefreshes;
  private int refreshesHeld;

  /** While on, each refresh rotates the tokens, then waits to answer until it is turned off. */
  public void holdRefreshes(boolean hold) {
    synchronized (holdMonitor) {
      holdRefreshes = hold;
      holdMonitor.notifyAll();
    }
  }

  public boolean holdingRefreshes() {
    synchronized (holdMonitor) {
      return holdRefreshes;
    }
  }

  /** Refreshes waiting to answer now. */
  public int refreshesHeld() {
    synchronized (holdMonitor) {
      return refreshesHeld;
    }
  }

  /** Waits while refreshes are held (at most {@link #MAX_HOLD}). */
  public void awaitRefreshRelease() {
    long deadline = System.nanoTime() + MAX_HOLD.toNanos();
    synchronized (holdMonitor) {
      refreshesHeld++;
      try {
        long left;
        while (holdRefreshes && (left = deadline - System.nanoTime()) > 0) {
          holdMonitor.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        refreshesHeld--;
      }
    }
  }
}
