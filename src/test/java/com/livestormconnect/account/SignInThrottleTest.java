package com.livestormconnect.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  private final SignInThrottle throttle = new SignInThrottle();

  @Test
  void concurrentAttemptsNeverExceedTheLimit() throws Exception {
    int threads = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return throttle.tryAcquire("victim", "203.0.113.1").allowed();
              }));
    }
    start.countDown();
    int allowed = 0;
    for (Future<Boolean> result : results) {
      allowed += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(SignInThrottle.PAIR_BURST, allowed);
  }

  @Test
  void anAttackerAtOneAddressDoesNotLockOutTheUserAtAnother() {
    while (throttle.tryAcquire("victim", "203.0.113.66").allowed()) {
      // the attacker spends every permit of their address
    }
    SignInThrottle.Decision refused = throttle.tryAcquire("victim", "203.0.113.66");
    assertFalse(refused.allowed());
    assertTrue(refused.retryAfter().compareTo(Duration.ofSeconds(1)) >= 0);
    assertTrue(throttle.tryAcquire("victim", "198.51.100.5").allowed());
  }

  @Test
  void oneAddressSprayingManyNamesIsLimitedToo() {
    int allowed = 0;
    for (int i = 0; i < 100; i++) {
      allowed += throttle.tryAcquire("user" + i, "203.0.113.2").allowed() ? 1 : 0;
    }
    assertEquals(SignInThrottle.ADDRESS_BURST, allowed);
  }

  @Test
  void aDistributedAttackerGetsTheAccountsHourlyBudgetButTheOwnersKnownAddressStillWorks() {
    throttle.known("victim", "198.51.100.5");
    int allowed = 0;
    for (int i = 0; i < 200; i++) {
      allowed += throttle.tryAcquire("victim", "203.0.113." + i).allowed() ? 1 : 0;
    }
    assertEquals(SignInThrottle.ACCOUNT_BUDGET, allowed);
    assertTrue(throttle.tryAcquire("victim", "198.51.100.5").allowed());
  }

  @Test
  void aSuccessGivesThePermitsBack() {
    for (int i = 0; i < SignInThrottle.PAIR_BURST - 1; i++) {
      assertTrue(throttle.tryAcquire("ada", "203.0.113.3").allowed());
    }
    SignInThrottle.Decision last = throttle.tryAcquire("ada", "203.0.113.3");
    assertTrue(last.allowed());
    throttle.succeeded(last.permit());
    for (int i = 0; i < SignInThrottle.PAIR_BURST; i++) {
      assertTrue(throttle.tryAcquire("ada", "203.0.113.3").allowed());
    }
  }

  @Test
  void usernamesAreThrottledWhateverTheirCase() {
    for (int i = 0; i < SignInThrottle.PAIR_BURST; i++) {
      assertTrue(throttle.tryAcquire(i % 2 == 0 ? "Ada" : " ada ", "203.0.113.4").allowed());
    }
    assertFalse(throttle.tryAcquire("ADA", "203.0.113.4").allowed());
  }
}
