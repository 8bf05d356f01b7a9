package com.livestormconnect.dashboard.export;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Admission and scheduling of export jobs, so that no user, and no number of users, can take more
 * than a fixed share of the server: at most {@code maxRunning} jobs run at once (each holds an
 * executor thread for minutes, pacing itself on Livestorm's rate limit), at most {@code
 * maxRunningPerUser} of them for one account, and at most {@code maxWaiting} wait in line, in
 * arrival order, skipping a job only while its owner already has their share running. A user may
 * have at most {@code maxPerUser} jobs waiting or running. Whatever does not fit is refused at
 * once, with the reason; nothing admitted is ever dropped.
 */
final class ExportQueue {
  /** Whether a job was taken, and if not, why. */
  enum Admission {
    ACCEPTED,
    /** Every slot and place in line is taken: try again later. */
    FULL,
    /** This account already has its share of jobs waiting or running. */
    TOO_MANY_OF_YOURS
  }

  private record Waiting(long accountId, Runnable task, Runnable rejected) {}

  private final int maxRunning;
  private final int maxWaiting;
  private final int maxRunningPerUser;
  private final int maxPerUser;
  private final Executor executor;
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private final Map<Long, Integer> runningByUser = new HashMap<>();
  private final Map<Long, Integer> jobsByUser = new HashMap<>();
  private int running;

  ExportQueue(
      int maxRunning, int maxWaiting, int maxRunningPerUser, int maxPerUser, Executor executor) {
    this.maxRunning = maxRunning;
    this.maxWaiting = maxWaiting;
    this.maxRunningPerUser = maxRunningPerUser;
    this.maxPerUser = maxPerUser;
    this.executor = executor;
  }

  /**
   * Queues {@code task} for {@code accountId}, or says why not; the task may start at once. Should
   * the executor refuse it later (it does only while the application stops), {@code rejected} runs
   * instead, so that the job ends as failed rather than waiting forever.
   */
  Admission submit(long accountId, Runnable task, Runnable rejected) {
    synchronized (this) {
      if (jobsByUser.getOrDefault(accountId, 0) >= maxPerUser) {
        return Admission.TOO_MANY_OF_YOURS;
      }
      if (waiting.size() >= maxWaiting) {
        return Admission.FULL;
      }
      waiting.addLast(new Waiting(accountId, task, rejected));
      jobsByUser.merge(accountId, 1, Integer::sum);
    }
    dispatch();
    return Admission.ACCEPTED;
  }

  /** Starts waiting jobs while there are free slots; called on every submit and every job's end. */
  private void dispatch() {
    while (true) {
      Waiting next = takeNext();
      if (next == null) {
        return;
      }
      try {
        executor.execute(
            () -> {
              try {
                next.task().run();
              } finally {
                finished(next.accountId());
              }
            });
      } catch (RuntimeException e) {
        release(next.accountId());
        next.rejected().run();
      }
    }
  }

  private synchronized Waiting takeNext() {
    if (running >= maxRunning) {
      return null;
    }
    for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
      Waiting candidate = it.next();
      if (runningByUser.getOrDefault(candidate.accountId(), 0) < maxRunningPerUser) {
        it.remove();
        running++;
        runningByUser.merge(candidate.accountId(), 1, Integer::sum);
        return candidate;
      }
    }
    return null;
  }

  private void finished(long accountId) {
    release(accountId);
    dispatch();
  }

  private synchronized void release(long accountId) {
    running--;
    runningByUser.computeIfPresent(accountId, (k, n) -> n == 1 ? null : n - 1);
    jobsByUser.computeIfPresent(accountId, (k, n) -> n == 1 ? null : n - 1);
  }

  synchronized int running() {
    return running;
  }

  synchronized int waiting() {
    return waiting.size();
  }
}
