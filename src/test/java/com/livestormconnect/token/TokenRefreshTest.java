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

  /**
   * A lock per account is kept only while someone uses it: after refreshes of many accounts, the
   * locks nobody holds any more go (they would otherwise stay for every account ever refreshed).
   */
  @Test
  void refreshLocksAreNotKeptForEveryAccountEverRefreshed() throws Exception {
    TokenRefresh refresh = new TokenRefresh();
    refresh.rotation =
        new TokenRotation() {
          @Override
          Result rotate(long accountId, String staleAccessToken) {
            return new Rotated(new FreshToken("c" + accountId, "new", NOW), false);
          }
        };
    int accounts = 5_000;
    for (long account = 0; account < accounts; account++) {
      refresh.refresh(account, "stale");
    }
    for (int i = 0; i < 20 && refresh.locksKept() > 0; i++) {
      System.gc(); // weak references are cleared by a full collection
      Thread.sleep(10);
    }
    assertTrue(refresh.locksKept() < accounts / 10, refresh.locksKept() + " locks kept");
  }
}
