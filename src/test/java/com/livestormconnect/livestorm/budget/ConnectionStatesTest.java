package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the client keeps per connection is bounded, and a held-back connection is not forgotten
 * while its hold runs (issue 15 §4).
 */
class ConnectionStatesTest {
  private static final int BOUND = ConnectionStates.MAX_CONNECTIONS;

  @Test
  void quotaFiguresAreKeptForABoundedNumberOfConnections() {
    Quotas quotas = new Quotas();
    for (int i = 0; i < BOUND + 500; i++) {
      quotas.record("c" + i, Map.of("RateLimit-Monthly-Remaining", "9")::get);
    }
    assertTrue(quotas.all().size() <= BOUND, quotas.all().size() + " connections kept");
  }

  @Test
  void countersAreKeptForABoundedNumberOfConnections() {
    CallMetrics metrics = new CallMetrics();
    for (int i = 0; i < BOUND + 500; i++) {
      metrics.call("c" + i, 1_000, false);
    }
    assertTrue(
        metrics.byConnection().size() <= BOUND,
        metrics.byConnection().size() + " connections kept");
    assertEquals(BOUND + 500, metrics.total().calls(), "the totals still count every call");
  }

  @Test
  void permitLanesAreKeptForABoundedNumberOfConnections() throws Exception {
    CallPermits permits = new CallPermits(5, CallPermits.WINDOW);
    for (int i = 0; i < BOUND + 500; i++) {
      permits.acquire("c" + i, Duration.ZERO).orElseThrow().close();
    }
    assertTrue(permits.connectionsKept() <= BOUND, permits.connectionsKept() + " lanes kept");
  }

  @Test
  void aHeldBackConnectionIsKeptWhileItsHoldRunsWhateverTheOthers() {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");
    MonthlyQuota quota = new MonthlyQuota();
    quota.quotas = new Quotas();
    quota.clock = Clock.fixed(now, ZoneOffset.UTC);
    quota.afterTooManyRequests("held", Optional.of("86400"));
    for (int i = 0; i < BOUND + 500; i++) {
      quota.afterTooManyRequests("c" + i, Optional.of("86400"));
    }
    assertEquals(Optional.of(now.plusSeconds(86400)), quota.usedUpUntil("held"));
  }

  @Test
  void aRemovedConnectionIsForgottenByEveryone() throws Exception {
    ConnectionStates states = new ConnectionStates();
    states.quotas = new Quotas();
    states.metrics = new CallMetrics();
    states.permits = new CallPermits(5, CallPermits.WINDOW);
    states.monthlyQuota = new MonthlyQuota();
    states.monthlyQuota.quotas = states.quotas;
    states.answers = new RecentAnswers(Duration.ofMinutes(1));
    states.quotas.record("gone", Map.of("RateLimit-Monthly-Remaining", "0")::get);
    states.quotas.record("kept", Map.of("RateLimit-Monthly-Remaining", "0")::get);
    states.metrics.call("gone", 1_000, false);
    states.permits.pause("gone", Duration.ofMinutes(5));
    states.monthlyQuota.afterTooManyRequests("gone", Optional.of("60"));
    RecentAnswers.Owner owner = new RecentAnswers.Owner(7, "gone");
    states.answers.keep(owner, "/events", "answer", Instant.now());

    states.removed(new com.livestormconnect.token.ConnectionRemoved(7, "gone"));

    assertTrue(states.quotas.of("gone").isEmpty());
    assertTrue(states.quotas.of("kept").isPresent(), "only the removed connection");
    assertFalse(states.metrics.byConnection().containsKey("gone"));
    assertTrue(states.permits.resumesAt("gone").isEmpty());
    assertTrue(states.monthlyQuota.usedUpUntil("gone").isEmpty());
    assertTrue(states.answers.find(owner, "/events").isEmpty());
  }
}
