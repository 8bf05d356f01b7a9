package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.RecentAnswers;
import com.livestormconnect.livestorm.RecentAnswersAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageCallsTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final RecentAnswers answers = RecentAnswersAccess.withTtl(Duration.ofSeconds(30));
  private final RecentAnswers.Owner owner = new RecentAnswers.Owner(1, "c1 u1 events:read");
  private final PageProblems problems = new PageProblems();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private PageCalls calls(boolean refresh) {
    return new PageCalls(pool, answers, Optional.of(owner), refresh, problems);
  }

  @Test
  void independentCallsRunSideBySide() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    PageCalls calls = calls(false);
    PageCalls.Later<String> one = calls.start("a", () -> meet(bothStarted, "A"));
    PageCalls.Later<String> two = calls.start("b", () -> meet(bothStarted, "B"));

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
    PageCalls calls = new PageCalls(task -> {}, answers, Optional.of(owner), false, problems);
    Thread request = Thread.currentThread();

    assertEquals(
        Optional.of(true), calls.start("a", () -> Thread.currentThread() == request).get());
  }

  @Test
  void aRecentAnswerIsReusedWithItsAgeAndARefreshReadsLive() {
    AtomicInteger made = new AtomicInteger();
    assertEquals(Optional.of(1), calls(false).fetch("event/e1", made::incrementAndGet));
    Instant first = answers.find(owner, "event/e1").orElseThrow().fetchedAt();

    PageCalls again = calls(false);
    assertEquals(Optional.of(1), again.fetch("event/e1", made::incrementAndGet));
    assertEquals(1, made.get(), "no second call");
    assertEquals(Optional.of(first), again.oldestCached(), "the page knows how old its data is");

    PageCalls refreshed = calls(true);
    assertEquals(Optional.of(2), refreshed.fetch("event/e1", made::incrementAndGet));
    assertTrue(refreshed.oldestCached().isEmpty());
    assertEquals(
        2, answers.find(owner, "event/e1").orElseThrow().value(), "the live answer is kept");
  }

  @Test
  void itemsOfAListAreKeptAsTheirOwnAnswers() {
    PageCalls calls = calls(false);
    PageCalls.Later<List<String>> list = calls.start("events", () -> List.of("e1", "e2"));
    calls.keepEach(list, list.get().orElseThrow(), id -> "event/" + id);

    assertEquals("e2", answers.find(owner, "event/e2").orElseThrow().value());
  }

  @Test
  void aFailedCallIsNotedOnThePageAndNotKept() {
    PageCalls calls = calls(false);
    PageCalls.Later<String> failing =
        calls.start(
            "event/x",
            () -> {
              throw new LivestormException(
                  LivestormException.Kind.NOT_FOUND, "/events/x", 404, "not found");
            });
    Optional<String> answer = failing.get();

    assertTrue(answer.isEmpty());
    assertTrue(problems.has(LivestormException.Kind.NOT_FOUND));
    assertTrue(answers.find(owner, "event/x").isEmpty());
  }
}
