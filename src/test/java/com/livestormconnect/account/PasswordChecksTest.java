package com.livestormconnect.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordChecksTest {
  @Test
  void atMostTwoChecksRunAtOnceAndAThirdIsToldToTryAgain() {
    PasswordChecks checks = new PasswordChecks(Duration.ofMillis(10));
    Optional<PasswordChecks.Slot> first = checks.enter();
    Optional<PasswordChecks.Slot> second = checks.enter();
    assertTrue(first.isPresent() && second.isPresent());
    assertTrue(checks.enter().isEmpty());
    first.get().close();
    first.get().close();
    Optional<PasswordChecks.Slot> third = checks.enter();
    assertTrue(third.isPresent());
    assertTrue(checks.enter().isEmpty(), "closing a slot twice must free it once");
  }

  @Test
  void signUpsNeverTakeTheSlotThatSignInAlwaysGets() throws Exception {
    PasswordChecks checks = new PasswordChecks(Duration.ofMillis(200));
    Optional<PasswordChecks.Slot> signUp = checks.enterForSignUp();
    assertTrue(signUp.isPresent());
    // A flood of sign-ups: none gets a second slot, and the sign-in still gets one at once.
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<Optional<PasswordChecks.Slot>>> more = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        more.add(pool.submit(checks::enterForSignUp));
      }
      long started = System.nanoTime();
      Optional<PasswordChecks.Slot> signIn = checks.enter();
      assertTrue(signIn.isPresent(), "sign-in got the slot sign-up may not take");
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 100, "without waiting");
      for (Future<Optional<PasswordChecks.Slot>> attempt : more) {
        assertTrue(attempt.get(5, TimeUnit.SECONDS).isEmpty());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFullQueueAnswersAtOnce() throws Exception {
    PasswordChecks checks = new PasswordChecks(Duration.ofSeconds(5));
    List<PasswordChecks.Slot> held =
        List.of(checks.enter().orElseThrow(), checks.enter().orElseThrow());
    int waiters = PasswordChecks.MAX_WAITING;
    ExecutorService pool = Executors.newFixedThreadPool(waiters);
    CountDownLatch queued = new CountDownLatch(waiters);
    try {
      for (int i = 0; i < waiters; i++) {
        pool.submit(
            () -> {
              queued.countDown();
              return checks.enter();
            });
      }
      queued.await();
      Thread.sleep(100); // the waiters are in line
      long started = System.nanoTime();
      assertTrue(checks.enter().isEmpty(), "the queue is full");
      long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
      assertTrue(took < 1_000, "answered at once, not after the patience: " + took + " ms");
    } finally {
      held.forEach(PasswordChecks.Slot::close);
      pool.shutdownNow();
    }
  }
}
