package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter on a simulated clock: parking advances time instead of sleeping. */
class CallPermitsTest {
  private static final long SECOND = 1_000_000_000L;

  /** A clock that only moves when a caller parks; shared by all threads of a test. */
  static final class SimulatedTime implements TimeMeter, BlockingStrategy {
    final AtomicLong nanos = new AtomicLong(1_000 * SECOND);

    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }

    @Override
    public void park(long nanosToPark) {
      // The caller's slot is fixed by its reservation; the shared clock only moves forward to it.
      long target = currentTimeNanos() + nanosToPark;
      nanos.accumulateAndGet(target, Math::max);
    }
  }

  @Test
  void neverMoreThanFiveStartsInAnyRollingSecondAndAtLeast95PercentOfTheLimit() throws Exception {
    SimulatedTime time = new SimulatedTime();
    CallPermits permits = new CallPermits(5, time, time);
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      assertTrue(permits.acquire("c1", Duration.ofSeconds(5)));
      starts.add(time.currentTimeNanos());
    }
    for (int i = 5; i < starts.size(); i++) {
      assertTrue(starts.get(i) - starts.get(i - 5) > SECOND,
          "starts " + (i - 5) + " and " + i + " fall within one rolling second");
    }
    double perSecond = (starts.size() - 1) / ((starts.get(starts.size() - 1) - starts.get(0)) / (double) SECOND);
    assertTrue(perSecond >= 0.95 * 5, "sustained " + perSecond + "/s");
    assertTrue(perSecond <= 5, "sustained " + perSecond + "/s");
  }

  @Test
  void concurrentCallersQueueInsteadOfFailingAndStayWithinTheLimit() throws Exception {
    SimulatedTime time = new SimulatedTime();
    CallPermits permits = new CallPermits(5, time, time);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      results.add(pool.submit(() -> permits.acquire("c1", Duration.ofSeconds(60))));
    }
    for (Future<Boolean> result : results) {
      assertTrue(result.get(), "every caller got a permit before its deadline");
    }
    pool.shutdown();
    // 100 permits at one per 210 ms take at least 99 × 210 ms of (simulated) time.
    assertTrue(time.currentTimeNanos() - 1_000 * SECOND >= 99 * CallPermits.spacing(5).toNanos());
  }

  @Test
  void aCallerWhoseDeadlineWouldPassGetsNoPermitAndTakesNothing() throws Exception {
    SimulatedTime time = new SimulatedTime();
    CallPermits permits = new CallPermits(5, time, time);
    assertTrue(permits.acquire("c1", Duration.ZERO));
    long before = time.currentTimeNanos();
    assertFalse(permits.acquire("c1", Duration.ofMillis(100)), "next slot is 210 ms away");
    assertEquals(before, time.currentTimeNanos(), "a refused caller does not wait");
    assertTrue(permits.acquire("c1", Duration.ofMillis(300)), "the refused caller took no slot");
    assertEquals(CallPermits.spacing(5).toNanos(), time.currentTimeNanos() - before);
  }

  @Test
  void connectionsHaveIndependentPermits() throws Exception {
    SimulatedTime time = new SimulatedTime();
    CallPermits permits = new CallPermits(5, time, time);
    assertTrue(permits.acquire("a", Duration.ZERO));
    assertTrue(permits.acquire("b", Duration.ZERO));
    assertFalse(permits.acquire("a", Duration.ZERO));
  }

  @Test
  void aPauseAfterA429HoldsBackEveryCallerOfTheConnection() throws Exception {
    SimulatedTime time = new SimulatedTime();
    CallPermits permits = new CallPermits(5, time, time);
    assertTrue(permits.acquire("c1", Duration.ZERO));
    long before = time.currentTimeNanos();
    permits.pause("c1", Duration.ofSeconds(1));
    assertFalse(permits.acquire("c1", Duration.ofMillis(900)));
    assertTrue(permits.acquire("c1", Duration.ofSeconds(2)));
    assertTrue(time.currentTimeNanos() - before >= SECOND);
    assertTrue(permits.acquire("other", Duration.ZERO), "other connections are not held back");
  }

  @Test
  void spacingLeavesAFivePercentMargin() {
    assertEquals(Duration.ofMillis(210), CallPermits.spacing(5));
    assertEquals(Duration.ofMillis(105), CallPermits.spacing(10));
  }
}
