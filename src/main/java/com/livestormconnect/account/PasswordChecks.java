package com.livestormconnect.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@value #CONCURRENT} PBKDF2 computations at once (each costs about 0.2 s of a core at
 * 210,000 iterations): a burst of sign-in or sign-up posts waits briefly in line, and past {@link
 * #PATIENCE} is told to try again, instead of pinning every core.
 */
@ApplicationScoped
public class PasswordChecks {
  static final int CONCURRENT = 2;
  static final Duration PATIENCE = Duration.ofSeconds(3);

  private final Semaphore slots;
  private final Duration patience;

  public PasswordChecks() {
    this(CONCURRENT, PATIENCE);
  }

  PasswordChecks(int concurrent, Duration patience) {
    this.slots = new Semaphore(concurrent, true);
    this.patience = patience;
  }

  /** A slot to run password hashing in, to be closed afterwards; empty when too busy. */
  public Optional<Slot> enter() {
    try {
      if (slots.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        return Optional.of(new Slot(slots));
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** A taken slot; closing it twice frees it once. */
  public static final class Slot implements AutoCloseable {
    private Semaphore slots;

    private Slot(Semaphore slots) {
      this.slots = slots;
    }

    @Override
    public synchronized void close() {
      if (slots != null) {
        slots.release();
        slots = null;
      }
    }
  }
}
