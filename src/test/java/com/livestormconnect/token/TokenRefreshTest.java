package com.livestormconnect.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenRefreshTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Duration MARGIN = Duration.ofSeconds(300);

  @Test
  void aTwoHourTokenIsRefreshedFiveMinutesBeforeItExpires() {
    Duration lifetime = Duration.ofHours(2);
    assertFalse(TokenRefresh.isDue(NOW.plusSeconds(301), lifetime, MARGIN, NOW));
    assertTrue(TokenRefresh.isDue(NOW.plusSeconds(300), lifetime, MARGIN, NOW));
    assertTrue(TokenRefresh.isDue(NOW.minusSeconds(1), lifetime, MARGIN, NOW), "already expired");
  }

  @Test
  void theMarginIsNeverMoreThanATenthOfTheTokensLifetime() {
    Duration lifetime = Duration.ofSeconds(60);
    assertFalse(
        TokenRefresh.isDue(NOW.plusSeconds(7), lifetime, MARGIN, NOW),
        "a 60 s token is not refreshed on every call");
    assertTrue(TokenRefresh.isDue(NOW.plusSeconds(6), lifetime, MARGIN, NOW));
  }

  @Test
  void aTokenWithoutExpiryIsNeverDue() {
    assertFalse(TokenRefresh.isDue(null, null, MARGIN, NOW));
  }
}
