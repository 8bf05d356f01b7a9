package com.livestormconnect.dashboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.dashboard.export.ExportQueue.Admission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Admission and scheduling of export jobs, with an executor the test steps by hand. */
class ExportQueueTest {
  /** Runs nothing until told: each started task waits in {@link #started} until {@link #finish}. */
  private static final class ManualExecutor implements java.util.concurrent.Executor {
    final List<Runnable> started = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable task) {
      started.add(task);
    }

    /** Runs (to its end) the oldest started task; its end may start the next ones. */
    void finish() {
      Runnable task;
      synchronized (this) {
        task = started.remove(0);
      }
      task.run();
    }
  }

  private final List<String> ran = new ArrayList<>();

  private Runnable job(String name) {
    return () -> ran.add(name);
  }

  @Test
  void runsAtMostTwoAtOnceAndOnePerUserInArrivalOrder() {
    ManualExecutor executor = new ManualExecutor();
    ExportQueue queue = new ExportQueue(2, 40, 1, 10, executor);
    for (String name : List.of("a1", "a2", "a3", "b1", "c1")) {
      assertEquals(Admission.ACCEPTED, queue.submit(name.charAt(0), job(name), () -> {}));
    }
    assertEquals(2, queue.running(), "a1 and b1 run; a2 waits for a1 although it came before b1");
    assertEquals(3, queue.waiting());

    executor.finish();
    assertEquals(List.of("a1"), ran);
    assertEquals(
        2, queue.running(), "a2 took a1's slot (it is first in line and a has none running)");
    executor.finish();
    executor.finish();
    executor.finish();
    executor.finish();
    assertEquals(List.of("a1", "b1", "a2", "c1", "a3"), ran);
    assertEquals(0, queue.running());
    assertEquals(0, queue.waiting());
  }

  @Test
  void aFullLineIsRefusedAndSoIsAUserWithTooManyJobs() {
    ManualExecutor executor = new ManualExecutor();
    ExportQueue queue = new ExportQueue(2, 3, 1, 2, executor);
    assertEquals(Admission.ACCEPTED, queue.submit(1, job("1a"), () -> {}));
    assertEquals(Admission.ACCEPTED, queue.submit(1, job("1b"), () -> {}));
    assertEquals(Admission.TOO_MANY_OF_YOURS, queue.submit(1, job("1c"), () -> {}));
    for (long user = 2; user <= 4; user++) {
      assertEquals(Admission.ACCEPTED, queue.submit(user, job(user + "a"), () -> {}));
    }
    assertEquals(2, queue.running());
    assertEquals(3, queue.waiting());
    assertEquals(Admission.FULL, queue.submit(5, job("5a"), () -> {}));

    executor.finish();
    assertEquals(Admission.ACCEPTED, queue.submit(5, job("5a"), () -> {}), "room again");
    while (!executor.started.isEmpty()) {
      executor.finish();
    }
    assertEquals(List.of("1a", "2a", "1b", "3a", "4a", "5a"), ran, "nothing admitted is lost");
  }

  @Test
  void aJobTheExecutorRefusesEndsThroughItsRejectionHandlerAndFreesItsSlot() {
    AtomicInteger rejected = new AtomicInteger();
    ExportQueue queue =
        new ExportQueue(
            1,
            5,
            1,
            5,
            task -> {
              throw new RejectedExecutionException("stopping");
            });
    assertEquals(Admission.ACCEPTED, queue.submit(1, job("x"), rejected::incrementAndGet));
    assertEquals(Admission.ACCEPTED, queue.submit(1, job("y"), rejected::incrementAndGet));
    assertEquals(2, rejected.get());
    assertEquals(0, queue.running());
    assertTrue(ran.isEmpty());
  }

  @Test
  void manyThreadsSubmittingAtOnceNeverRunMoreThanTheBound() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      ExportQueue queue = new ExportQueue(2, 100, 1, 100, pool);
      AtomicInteger now = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(60);
      List<Thread> submitters = new ArrayList<>();
      for (int user = 0; user < 6; user++) {
        long account = user;
        submitters.add(
            new Thread(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    assertEquals(
                        Admission.ACCEPTED,
                        queue.submit(
                            account,
                            () -> {
                              most.accumulateAndGet(now.incrementAndGet(), Math::max);
                              Thread.onSpinWait();
                              now.decrementAndGet();
                              done.countDown();
                            },
                            () -> {}));
                  }
                }));
      }
      submitters.forEach(Thread::start);
      for (Thread t : submitters) {
        t.join();
      }
      assertTrue(done.await(30, TimeUnit.SECONDS), "all 60 ran");
      assertTrue(most.get() <= 2, "at most two at once, saw " + most.get());
    } finally {
      pool.shutdownNow();
    }
  }
}
