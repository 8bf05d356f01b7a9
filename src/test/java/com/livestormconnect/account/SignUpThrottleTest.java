package com.livestormconnect.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sign-up limit, on the real {@code throttle_state} table (embedded Derby). */
class SignUpThrottleTest {
  private final ThrottleDatabase database = new ThrottleDatabase();
  private final SignUpThrottle throttle = new SignUpThrottle(database.table, 5);

  @Test
  void fiveSignUpsPerAddressInAnyHourForEveryNode() {
    SignUpThrottle otherNode =
        new SignUpThrottle(new ThrottleTable(database.dataSource, database.clock), 5);
    for (int i = 0; i < 5; i++) {
      assertTrue((i % 2 == 0 ? throttle : otherNode).tryAcquire("203.0.113.20").isZero());
    }
    Duration wait = otherNode.tryAcquire("203.0.113.20");
    assertFalse(wait.isZero(), "the sixth in the hour, on either node");
    assertTrue(
        wait.compareTo(Duration.ofMinutes(59)) > 0, "until the first is an hour old: " + wait);
    assertTrue(throttle.tryAcquire("203.0.113.21").isZero(), "another address is not limited");
  }

  @Test
  void theSixthWaitsUntilTheFirstIsAnHourOldNotJustAFifthOfAnHour() {
    for (int i = 0; i < 5; i++) {
      assertTrue(throttle.tryAcquire("203.0.113.22").isZero());
      database.clock.advance(Duration.ofMinutes(11));
    }
    // 55 minutes after the first: a token bucket refilled at 5 an hour would allow 4 more by now.
    assertFalse(throttle.tryAcquire("203.0.113.22").isZero());
    database.clock.advance(Duration.ofMinutes(6));
    assertTrue(throttle.tryAcquire("203.0.113.22").isZero(), "the first is an hour old");
    assertFalse(throttle.tryAcquire("203.0.113.22").isZero());
  }

  @Test
  void anIpv6Slash64IsOneAddress() {
    int allowed = 0;
    for (int i = 0; i < 12; i++) {
      allowed +=
          throttle.tryAcquire("2001:db8:7:8::" + Integer.toHexString(i + 1)).isZero() ? 1 : 0;
    }
    assertEquals(5, allowed);
  }

  @Test
  void anAttemptThatNeverRanDoesNotCount() {
    for (int i = 0; i < 5; i++) {
      assertTrue(throttle.tryAcquire("203.0.113.23").isZero());
    }
    throttle.notUsed("203.0.113.23");
    assertTrue(throttle.tryAcquire("203.0.113.23").isZero());
    assertFalse(throttle.tryAcquire("203.0.113.23").isZero());
  }
}
