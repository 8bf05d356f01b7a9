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

/**
 * The sign-in limits, on the real {@code throttle_state} table (embedded Derby, the app's
 * migrations): what holds here holds for every node sharing the database.
 */
class SignInThrottleTest {
  private final ThrottleDatabase database = new ThrottleDatabase();
  private final SignInThrottle throttle = new SignInThrottle(database.table);

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

  @Test
  void aSecondNodeOnTheSameDatabaseSharesEveryLimitAndKnownAddress() {
    SignInThrottle other =
        new SignInThrottle(new ThrottleTable(database.dataSource, database.clock));
    int allowed = 0;
    for (int i = 0; i < 12; i++) {
      allowed +=
          (i % 2 == 0 ? throttle : other).tryAcquire("grace", "203.0.113.9").allowed() ? 1 : 0;
    }
    assertEquals(SignInThrottle.PAIR_BURST, allowed, "one limit for both nodes");

    throttle.known("grace", "198.51.100.9");
    for (int i = 0; i < 100; i++) {
      other.tryAcquire("grace", "192.0.2." + i);
    }
    SignInThrottle restarted =
        new SignInThrottle(new ThrottleTable(database.dataSource, database.clock));
    assertFalse(restarted.tryAcquire("grace", "192.0.2.200").allowed(), "the budget is spent");
    assertTrue(
        restarted.tryAcquire("grace", "198.51.100.9").allowed(),
        "a node that starts afresh still knows the owner's address");
  }

  @Test
  void ipv6ClientsAreCountedByTheirSlash64() {
    int allowed = 0;
    for (int i = 0; i < 40; i++) {
      allowed +=
          throttle
                  .tryAcquire("user" + i, "2001:db8:5:6:" + Integer.toHexString(i) + "::1")
                  .allowed()
              ? 1
              : 0;
    }
    assertEquals(SignInThrottle.ADDRESS_BURST, allowed, "one /64 is one client");
    assertTrue(throttle.tryAcquire("user0", "2001:db8:5:7::1").allowed(), "the next /64 is not");
  }

  @Test
  void theLimitsRefillWithTime() {
    while (throttle.tryAcquire("lin", "203.0.113.10").allowed()) {
      // spend the pair's burst
    }
    database.clock.advance(SignInThrottle.PAIR_REFILL);
    assertTrue(throttle.tryAcquire("lin", "203.0.113.10").allowed());
    assertFalse(throttle.tryAcquire("lin", "203.0.113.10").allowed());
  }

  @Test
  void aRefusalIsLoggedWithoutThePassword() {
    java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger log =
        java.util.logging.Logger.getLogger(SignInThrottle.class.getName());
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            lines.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(handler);
    try {
      for (int i = 0; i < SignInThrottle.PAIR_BURST + 3; i++) {
        throttle.tryAcquire("mallory-target", "2001:db8:9:9:1:2:3:4");
      }
    } finally {
      log.removeHandler(handler);
    }
    assertEquals(1, lines.size(), "one line per limit and key a minute: " + lines);
    assertTrue(lines.get(0).contains("Throttled sign-in"), lines.get(0));
    assertTrue(lines.get(0).contains("mallory-target"), lines.get(0));
    assertTrue(lines.get(0).contains("2001:db8:9:9::/64"), lines.get(0));
    assertFalse(lines.get(0).contains("1:2:3:4"), "the /64, not the full address: " + lines.get(0));
  }
}
