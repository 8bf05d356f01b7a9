package com.livestormconnect.sandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RollingSecondLimitTest {
  private final RollingSecondLimit limit = new RollingSecondLimit(5);

  @Test
  void allowsFiveInASecondCountingDown() {
    for (int i = 0; i < 5; i++) {
      RollingSecondLimit.Decision d = limit.take("t", 1_000 + i * 10);
      assertTrue(d.allowed());
      assertEquals(4 - i, d.remaining());
    }
    RollingSecondLimit.Decision sixth = limit.take("t", 1_100);
    assertFalse(sixth.allowed());
    assertEquals(1, sixth.retryAfterSeconds());
  }

  @Test
  void catchesABurstThatStraddlesASecondBoundary() {
    // Five at the end of one second and five at the start of the next: a fixed window per
    // calendar second would allow all ten; any rolling second may hold only five.
    for (int i = 0; i < 5; i++) {
      assertTrue(limit.take("t", 1_950 + i).allowed());
    }
    assertFalse(limit.take("t", 2_010).allowed());
    assertTrue(limit.take("t", 2_950).allowed(), "the first request left the window");
  }

  @Test
  void refusedRequestsDoNotExtendTheWindow() {
    for (int i = 0; i < 5; i++) {
      limit.take("t", 0);
    }
    for (int i = 0; i < 20; i++) {
      assertFalse(limit.take("t", 500).allowed());
    }
    assertTrue(limit.take("t", 1_000).allowed());
  }

  @Test
  void tokensAreLimitedIndependently() {
    for (int i = 0; i < 5; i++) {
      limit.take("a", 0);
    }
    assertFalse(limit.take("a", 1).allowed());
    assertTrue(limit.take("b", 1).allowed());
  }
}
