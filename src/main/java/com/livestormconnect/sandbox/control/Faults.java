package com.livestormconnect.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Faults queued by a test: the next {@code count} API requests answer {@code status}; the next
 * refreshes lose their answer after rotating; refresh answers wait until released.
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

  /**
   * How a list answer can be spoilt: not JSON at all, one row short of the page it says it is, a
   * {@code record_count} that disagrees with the rows there are, a row whose id is 100,000
   * characters long.
   */
  public static final java.util.List<String> BAD_ANSWERS =
      java.util.List.of("malformed", "shrunk", "record_count", "long_id");

  private String badAnswer;
  private String badAnswerPath = "";
  private int badAnswersLeft;

  public synchronized void queueBadAnswers(String kind, int count, String pathContains) {
    badAnswer = kind;
    badAnswersLeft = count;
    badAnswerPath = pathContains;
  }

  /** How to spoil this list answer, if a bad answer is queued for its path; each uses one up. */
  public synchronized Optional<String> takeBadAnswer(String path) {
    if (badAnswersLeft <= 0 || !path.contains(badAnswerPath)) {
      return Optional.empty();
    }
    badAnswersLeft--;
    return Optional.of(badAnswer);
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

  /**
   * The longest a refresh answer is held: shorter than the app's default read timeout (30 s), so
   * that a hold a test forgets to release shows as a slow refresh, never as a lost one.
   */
  static final Duration LONGEST_HOLD = Duration.ofSeconds(20);

  // A lock of its own, never the bean's monitor: Weld's client proxy copies "synchronized" onto
  // its own methods, so a request waiting inside one would keep every other caller out.
  private final ReentrantLock holdLock = new ReentrantLock();
  private final Condition released = holdLock.newCondition();
  private boolean holdingRefreshAnswers;
  private int heldRefreshAnswers;

  /**
   * While on, successful refreshes rotate the tokens and then wait before answering, until this is
   * switched off (or {@link #LONGEST_HOLD}): a test can see a client's refresh under way, e.g. to
   * kill the node that sent it.
   */
  public void holdRefreshAnswers(boolean hold) {
    holdLock.lock();
    try {
      holdingRefreshAnswers = hold;
      released.signalAll();
    } finally {
      holdLock.unlock();
    }
  }

  public boolean holdingRefreshAnswers() {
    holdLock.lock();
    try {
      return holdingRefreshAnswers;
    } finally {
      holdLock.unlock();
    }
  }

  /** Waits while refresh answers are held; at once when they are not. */
  public void awaitRefreshAnswerRelease() throws InterruptedException {
    holdLock.lock();
    try {
      long left = LONGEST_HOLD.toNanos();
      heldRefreshAnswers++;
      try {
        while (holdingRefreshAnswers && left > 0) {
          left = released.awaitNanos(left);
        }
      } finally {
        heldRefreshAnswers--;
      }
    } finally {
      holdLock.unlock();
    }
  }

  /** How many refresh answers are waiting now. */
  public int heldRefreshAnswers() {
    holdLock.lock();
    try {
      return heldRefreshAnswers;
    } finally {
      holdLock.unlock();
    }
  }
}
