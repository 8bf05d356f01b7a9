package com.livestormconnect.livestorm.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The arrival window of a node that is alone (Derby): per connection, for each slot, whether a
 * request holds it and otherwise when it is free again, worked out when a caller asks (nothing is
 * scheduled to give a slot back). A caller takes the slot that is free earliest, waiting for it (or
 * for a holder to finish) up to its deadline.
 */
final class MemoryWindow implements ArrivalWindow {
  private final int size;
  private final long windowNanos;

  /**
   * A connection unused for longer than the longest pause has nothing left to enforce (its slots
   * are free and any pause is over), so it may go.
   */
  private final Map<String, Slots> slots =
      ConnectionStates.<Slots>bounded(Permits.MAX_PAUSE.plus(Permits.WINDOW)).asMap();

  MemoryWindow(int size, Duration window) {
    this.size = size;
    this.windowNanos = window.toNanos();
  }

  @Override
  public Optional<Held> take(String connection, long deadline) throws InterruptedException {
    Slots of = slots.computeIfAbsent(connection, c -> new Slots());
    int slot = of.takeIndex(deadline);
    if (slot < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Held() {
          @Override
          public void release() {
            of.settle(slot, System.nanoTime() + windowNanos);
          }

          @Override
          public void giveBack() {
            of.settle(slot, of.freeAt[slot]);
          }
        });
  }

  @Override
  public void pause(String connection, Duration pause) {
    slots.computeIfAbsent(connection, c -> new Slots()).pause(System.nanoTime() + pause.toNanos());
  }

  @Override
  public Optional<Instant> resumesAt(String connection) {
    Slots of = connection == null ? null : slots.get(connection);
    if (of == null) {
      return Optional.empty();
    }
    long left = of.pausedUntil - System.nanoTime();
    return left <= 0 ? Optional.empty() : Optional.of(Instant.now().plusNanos(left));
  }

  @Override
  public void forget(String connection) {
    slots.remove(connection);
  }

  /** Connections kept now, for the bound's test. */
  int connectionsKept() {
    return slots.size();
  }

  private final class Slots {
    private final long[] freeAt = new long[size];
    private final boolean[] held = new boolean[size];
    private volatile long pausedUntil;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    Slots() {
      long now = System.nanoTime();
      Arrays.fill(freeAt, now - windowNanos);
      pausedUntil = now;
    }

    /** The slot taken, or -1 when none is free before {@code deadline} (System.nanoTime()). */
    int takeIndex(long deadline) throws InterruptedException {
      lock.lock();
      try {
        while (true) {
          long now = System.nanoTime();
          int earliest = -1;
          for (int i = 0; i < freeAt.length; i++) {
            if (!held[i] && (earliest < 0 || freeAt[i] - freeAt[earliest] < 0)) {
              earliest = i;
            }
          }
          if (earliest >= 0 && freeAt[earliest] - now <= 0) {
            held[earliest] = true;
            return earliest;
          }
          long left = deadline - now;
          if (left <= 0) {
            return -1;
          }
          // Woken early when a holder finishes; otherwise when the earliest slot is free.
          changed.awaitNanos(earliest < 0 ? left : Math.min(left, freeAt[earliest] - now));
        }
      } finally {
        lock.unlock();
      }
    }

    void settle(int slot, long at) {
      lock.lock();
      try {
        held[slot] = false;
        freeAt[slot] = at - pausedUntil < 0 ? pausedUntil : at;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    void pause(long until) {
      lock.lock();
      try {
        if (until - pausedUntil > 0) {
          pausedUntil = until;
        }
        for (int i = 0; i < freeAt.length; i++) {
          if (freeAt[i] - pausedUntil < 0) {
            freeAt[i] = pausedUntil;
          }
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
