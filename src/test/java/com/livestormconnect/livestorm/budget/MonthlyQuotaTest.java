package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonthlyQuotaTest {
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final Instant RESET = Instant.parse("2026-12-05T00:00:00Z");

  private final Quotas quotas = new Quotas();
  private final MonthlyQuota quota = new MonthlyQuota();

  MonthlyQuotaTest() {
    quota.quotas = quotas;
    at(NOW);
  }

  private void at(Instant now) {
    quota.clock = Clock.fixed(now, ZoneOffset.UTC);
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

  @Test
  void aPerSecond429IsNotTheMonthlyQuota() {
    answered("4000");
    assertEquals(Optional.empty(), quota.afterTooManyRequests("c1", Optional.of("1")));
    assertDoesNotThrow(() -> quota.beforeCall("c1"));
  }

  @Test
  void noneLeftMeansNoCallUntilTheResetExceptOneProbeAnHour() {
    answered("0");
    LivestormException refusal = quota.afterTooManyRequests("c1", Optional.of("1")).orElseThrow();
    assertEquals(LivestormException.Kind.QUOTA_EXHAUSTED, refusal.kind());
    assertEquals(Optional.of(RESET), quota.usedUpUntil("c1"));
    assertThrows(LivestormException.class, () -> quota.beforeCall("c1"));

    at(NOW.plus(Duration.ofMinutes(59)));
    assertThrows(LivestormException.class, () -> quota.beforeCall("c1"));
    at(NOW.plus(Duration.ofMinutes(61)));
    assertDoesNotThrow(() -> quota.beforeCall("c1"), "the hourly probe");
    assertThrows(LivestormException.class, () -> quota.beforeCall("c1"), "only one probe");

    at(RESET);
    assertDoesNotThrow(() -> quota.beforeCall("c1"));
    assertEquals(Optional.empty(), quota.usedUpUntil("c1"));
  }

  @Test
  void aRetryAfterOfDaysIsTheMonthlyQuotaEvenWithoutItsHeaders() {
    LivestormException refusal =
        quota.afterTooManyRequests("c1", Optional.of("259200")).orElseThrow();
    assertTrue(refusal.getMessage().contains("2026-12-03T10:00:00Z"), refusal.getMessage());
    assertEquals(Optional.of(NOW.plus(Duration.ofDays(3))), quota.usedUpUntil("c1"));
  }

  @Test
  void aProbeThatGoesThroughResumesCalls() {
    answered("0");
    quota.afterTooManyRequests("c1", Optional.empty());
    quota.answered("c1");
    assertDoesNotThrow(() -> quota.beforeCall("c1"));
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
