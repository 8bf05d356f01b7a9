package com.livestormconnect.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@value #CONCURRENT} PBKDF2 computations at once (each costs about 0.2 s of a core at
 * 210,000 iterations), of which sign-up may hold only {@value #SIGN_UP_CONCURRENT}: however many
 * sign-ups arrive, one slot is always sign-in's. A burst waits briefly in line, at most {@value
 * #MAX_WAITING} sign-ins and {@value #MAX_SIGN_UP_WAITING} sign-ups (each waiter holds a request
 * thread); past that, or after {@link #PATIENCE}, the caller is told at once to try again instead
 * of pinning every core and thread.
 */
@ApplicationScoped
public class PasswordChecks {
  static final int CONCURRENT = 2;
  static final int SIGN_UP_CONCURRENT = 1;
  static final int MAX_WAITING = 8;
  static final int MAX_SIGN_UP_WAITING = 2;
  static final Duration PATIENCE = Duration.ofSeconds(3);

  private final Semaphore slots;
  private final Semaphore signUpSlots;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger signUpsWaiting = new AtomicInteger();
  private final Duration patience;

  public PasswordChecks() {
    this(PATIENCE);
  }

  PasswordChecks(Duration patience) {
    this.slots = new Semaphore(CONCURRENT, true);
    this.signUpSlots = new Semaphore(SIGN_UP_CONCURRENT, true);
    this.patience = patience;
  }

  /** A slot to check a password in (sign-in), to be closed afterwards; empty when too busy. */
  public Optional<Slot> enter() {
    if (waiting.incrementAndGet() > MAX_WAITING) {
      waiting.decrementAndGet();
      return Optional.empty();
    }
    try {
      long deadline = System.nanoTime() + patience.toNanos();
      return take(slots, deadline) ? Optional.of(new Slot(List.of(slots))) : Optional.empty();
    } finally {
      waiting.decrementAndGet();
    }
  }

  /**
   * A slot to hash a new password in (sign-up): one of the sign-up share first, then one of all.
   */
  public Optional<Slot> enterForSignUp() {
    if (signUpsWaiting.incrementAndGet() > MAX_SIGN_UP_WAITING) {
      signUpsWaiting.decrementAndGet();
      return Optional.empty();
    }
    try {
      long deadline = System.nanoTime() + patience.toNanos();
      if (!take(signUpSlots, deadline)) {
        return Optional.empty();
      }
      if (!take(slots, deadline)) {
        signUpSlots.release();
        return Optional.empty();
      }
      return Optional.of(new Slot(List.of(slots, signUpSlots)));
    } finally {
      signUpsWaiting.decrementAndGet();
    }
  }

  private static boolean take(Semaphore semaphore, long deadline) {
    try {
      return semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A taken slot; closing it twice frees it once. */
  public static final class Slot implements AutoCloseable {
    private List<Semaphore> held;

    private Slot(List<Semaphore> held) {
      this.held = held;
    }

    @Override
    public synchronized void close() {
      if (held != null) {
        held.forEach(Semaphore::release);
        held = null;
      }
    }
  }
}
