package com.livestormconnect.livestorm.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuotasTest {
  private static java.util.function.Function<String, String> headers(Map<String, String> values) {
    Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(values);
    return caseInsensitive::get;
  }

  @Test
  void readsTheDocumentedMonthlyHeaders() {
    Quotas quotas = new Quotas();
    quotas.record(
        "c1",
        headers(
            Map.of(
                "RateLimit-Monthly-Limit",
                "10000",
                "RateLimit-Monthly-Remaining",
                "9950",
                "RateLimit-Reset",
                "1767225600")));
    Quotas.Quota quota = quotas.of("c1").orElseThrow();
    assertEquals(10000L, quota.monthlyLimit());
    assertEquals(9950L, quota.monthlyRemaining());
    assertEquals(Instant.ofEpochSecond(1767225600), quota.resetsAt());
  }

  @Test
  void readsTheMontlySpellingOfOlderServersInAnyCase() {
    Quotas quotas = new Quotas();
    quotas.record(
        "c1",
        headers(Map.of("ratelimit-montly-limit", "10000", "ratelimit-montly-remaining", "42")));
    assertEquals(42L, quotas.of("c1").orElseThrow().monthlyRemaining());
  }

  @Test
  void answersWithoutQuotaHeadersOrWithGarbageChangeNothing() {
    Quotas quotas = new Quotas();
    quotas.record("c1", headers(Map.of("RateLimit-Monthly-Remaining", "100")));
    quotas.record("c1", headers(Map.of("Content-Type", "application/vnd.api+json")));
    quotas.record("c1", headers(Map.of("RateLimit-Monthly-Remaining", "lots")));
    assertEquals(100L, quotas.of("c1").orElseThrow().monthlyRemaining());
    assertTrue(quotas.of("other").isEmpty());
  }
}
