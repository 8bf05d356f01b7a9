package com.livestormconnect.livestorm.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonthlyQuotaTest {
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final Instant RESET = Instant.parse("2026-12-05T00:00:00Z");

  private final MovableClock clock = new MovableClock(NOW);
  private final Quotas quotas = new Quotas();
  private final MonthlyQuota quota = new MonthlyQuota(quotas, clock);

  private void at(Instant now) {
    clock.set(now);
  }

  private void answered(String remaining) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(
        Map.of(
            "RateLimit-Montly-Limit",
            "10000",
            "RateLimit-Montly-Remaining",
            remaining,
            "RateLimit-Reset",
            Long.toString(RESET.getEpochSecond())));
    quotas.record("c1", headers::get);
  }

  private static Optional<Duration> seconds(long s) {
    return Optional.of(Duration.ofSeconds(s));
  }

  @Test
  void aPerSecond429IsNotTheMonthlyQuota() {
    answered("4000");
    assertEquals(Optional.empty(), quota.afterTooManyRequests("c1", seconds(1)));
    assertEquals(Optional.empty(), quota.refusedUntil("c1"));
  }

  @Test
  void noneLeftMeansNoCallUntilTheResetExceptOneProbeAnHour() {
    answered("0");
    assertEquals(Optional.of(RESET), quota.afterTooManyRequests("c1", seconds(1)));
    assertEquals(Optional.of(RESET), quota.usedUpUntil("c1"));
    assertEquals(Optional.of(RESET), quota.refusedUntil("c1"));

    at(NOW.plus(Duration.ofMinutes(59)));
    assertEquals(Optional.of(RESET), quota.refusedUntil("c1"));
    at(NOW.plus(Duration.ofMinutes(61)));
    assertEquals(Optional.empty(), quota.refusedUntil("c1"), "the hourly probe");
    assertEquals(Optional.of(RESET), quota.refusedUntil("c1"), "only one probe");

    at(RESET);
    assertEquals(Optional.empty(), quota.refusedUntil("c1"));
    assertEquals(Optional.empty(), quota.usedUpUntil("c1"));
  }

  @Test
  void aRetryAfterOfDaysIsTheMonthlyQuotaEvenWithoutItsHeaders() {
    assertEquals(
        Optional.of(NOW.plus(Duration.ofDays(3))),
        quota.afterTooManyRequests("c1", seconds(259200)));
    assertEquals(Optional.of(NOW.plus(Duration.ofDays(3))), quota.usedUpUntil("c1"));
  }

  /**
   * An hour after the hold began one call may go through; when Livestorm answers it (the quota was
   * raised), the hold ends and the next calls go too, although the next probe would be an hour
   * away.
   */
  @Test
  void aProbeThatGoesThroughResumesCalls() {
    answered("0");
    quota.afterTooManyRequests("c1", Optional.empty());
    assertTrue(quota.refusedUntil("c1").isPresent(), "held back");

    at(NOW.plus(MonthlyQuota.PROBE_EVERY));
    assertEquals(Optional.empty(), quota.refusedUntil("c1"), "the probe goes");
    quota.answered("c1");

    assertEquals(Optional.empty(), quota.refusedUntil("c1"), "calls resumed");
    assertEquals(Optional.empty(), quota.usedUpUntil("c1"));
  }

  @Test
  void pagesWarnAtEightyAndNinetyFivePercentUsed() {
    answered("2001");
    assertNull(quota.warningLevel("c1"));
    answered("2000");
    assertEquals(80, quota.warningLevel("c1"));
    answered("500");
    assertEquals(95, quota.warningLevel("c1"));
  }
}
