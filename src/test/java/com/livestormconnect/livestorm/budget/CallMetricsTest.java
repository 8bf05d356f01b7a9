package com.livestormconnect.livestorm.budget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallMetricsTest {
  @Test
  void permitWaitsFallIntoTheirHistogramBucket() {
    CallMetrics metrics = new CallMetrics();
    metrics.permitWait("c1", 0);
    metrics.permitWait("c1", 1_000_000);
    metrics.permitWait("c2", 202_000_000);
    metrics.permitWait(null, 120_000_000_000L);

    CallBudget.WaitHistogram waits = metrics.permitWaits();
    long[] expected = new long[CallMetrics.permitWaitBuckets().length + 1];
    expected[0] = 2; // <= 1 ms, the bound included
    expected[4] = 1; // <= 250 ms
    expected[expected.length - 1] = 1; // above 90 s
    assertArrayEquals(expected, waits.bucketCounts());
    assertEquals(4, waits.count());
    assertEquals(Duration.ofNanos(120_203_000_000L), waits.sum());
  }
}
