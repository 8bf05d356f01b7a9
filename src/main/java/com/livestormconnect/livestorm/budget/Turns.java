package com.livestormconnect.livestorm.budget;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whose turn it is to go through a connection's window, pace and pause: one caller at a time, the
 * longest-waiting interactive caller first, and a background caller only when no interactive one
 * waits. Within a priority the order is arrival order. A caller that holds the turn keeps it until
 * it has its permit, so an interactive caller that arrives while background work holds the turn
 * waits for that one permit at most, never for the background queue behind it.
 */
final class Turns {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<Object> interactive = new ArrayDeque<>();
  private final Deque<Object> background = new ArrayDeque<>();
  private Object holder;

  /**
   * Waits for the turn until {@code deadline} ({@link System#nanoTime()}); false when it did not
   * come (the caller is then out of the queue). A true answer must be followed by {@link #done}.
   */
  boolean take(CallBudget.Priority priority, long deadline) throws InterruptedException {
    Object me = new Object();
    Deque<Object> queue = priority == CallBudget.Priority.BACKGROUND ? background : interactive;
    lock.lock();
    try {
      queue.addLast(me);
      while (holder != null || next() != me) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          leave(queue, me);
          return false;
        }
        changed.awaitNanos(left);
      }
      queue.removeFirst();
      holder = me;
      return true;
    } catch (InterruptedException e) {
      leave(queue, me);
      throw e;
    } finally {
      lock.unlock();
    }
  }

  /** The holder is through: the next caller's turn. */
  void done() {
    lock.lock();
    try {
      holder = null;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private Object next() {
    return interactive.isEmpty() ? background.peekFirst() : interactive.peekFirst();
  }

  private void leave(Deque<Object> queue, Object me) {
    queue.remove(me);
    changed.signalAll(); // whoever was behind may be next now
  }
}
