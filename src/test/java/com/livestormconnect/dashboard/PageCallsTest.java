package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.livestorm.LivestormException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageCallsTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final PageProblems problems = new PageProblems();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private PageCalls calls() {
    return new PageCalls(pool, problems);
  }

  @Test
  void independentCallsRunSideBySide() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    PageCalls calls = calls();
    PageCalls.Later<String> one = calls.start(() -> meet(bothStarted, "A"));
    PageCalls.Later<String> two = calls.start(() -> meet(bothStarted, "B"));

    // Each call waits until the other has started too: only parallel calls both finish.
    assertEquals(Optional.of("A"), one.get());
    assertEquals(Optional.of("B"), two.get());
  }

  private static String meet(CountDownLatch latch, String answer) {
    latch.countDown();
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "the other call never started");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return answer;
  }

  @Test
  void aCallNoPoolThreadTookRunsInTheRequestsThread() {
    PageCalls calls = new PageCalls(task -> {}, problems);
    Thread request = Thread.currentThread();

    assertEquals(Optional.of(true), calls.start(() -> Thread.currentThread() == request).get());
  }

  @Test
  void aFailedCallIsNotedOnThePage() {
    PageCalls calls = calls();
    PageCalls.Later<String> failing =
        calls.start(
            () -> {
              throw new LivestormException(
                  LivestormException.Kind.NOT_FOUND, "/events/x", 404, "not found");
            });
    Optional<String> answer = failing.get();

    assertTrue(answer.isEmpty());
    assertTrue(problems.has(LivestormException.Kind.NOT_FOUND));
  }
}
