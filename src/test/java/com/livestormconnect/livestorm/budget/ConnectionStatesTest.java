package com.livestormconnect.livestorm.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.MovableClock;
import com.livestormconnect.token.ConnectionRemoved;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the budget keeps per connection is bounded, a held-back connection is not forgotten while
 * its hold runs, and a removed connection is forgotten by every part of the budget.
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
  void permitLanesAndWindowsAreKeptForABoundedNumberOfConnections() throws Exception {
    MemoryWindow window = new MemoryWindow(5, Permits.WINDOW);
    Permits permits = new Permits(5, Permits.WINDOW, window);
    for (int i = 0; i < BOUND + 500; i++) {
      permits
          .acquire("c" + i, CallBudget.Priority.INTERACTIVE, Duration.ZERO)
          .orElseThrow()
          .close();
    }
    assertTrue(permits.connectionsKept() <= BOUND, permits.connectionsKept() + " lanes kept");
    assertTrue(window.connectionsKept() <= BOUND, window.connectionsKept() + " windows kept");
  }

  @Test
  void aHeldBackConnectionIsKeptWhileItsHoldRunsWhateverTheOthers() {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");
    MonthlyQuota quota = new MonthlyQuota(new Quotas(), new MovableClock(now));
    Optional<Duration> aDay = Optional.of(Duration.ofDays(1));
    quota.afterTooManyRequests("held", aDay);
    for (int i = 0; i < BOUND + 500; i++) {
      quota.afterTooManyRequests("c" + i, aDay);
    }
    assertEquals(Optional.of(now.plusSeconds(86400)), quota.usedUpUntil("held"));
  }

  @Test
  void aRemovedConnectionIsForgottenByEveryPartOfTheBudget() {
    CallBudget budget = Budgets.inMemory();
    for (String connection : new String[] {"gone", "kept"}) {
      budget.heard(
          connection,
          Map.of("RateLimit-Monthly-Limit", "100", "RateLimit-Monthly-Remaining", "0")::get);
      budget.answered(connection, 1_000, true);
      assertThrows(
          CallBudget.Refusal.class,
          () -> budget.tooManyRequests(connection, Optional.of("60"), Duration.ZERO),
          "none left: the monthly quota");
      budget.permits().pause(connection, Duration.ofMinutes(5));
    }
    assertTrue(budget.standing("gone").quotaUsedUpUntil().isPresent());
    assertTrue(budget.standing("gone").callsResumeAt().isPresent());

    budget.removed(new ConnectionRemoved(7, "gone"));

    CallBudget.Standing gone = budget.standing("gone");
    assertNull(gone.monthlyRemaining(), "quota figures forgotten");
    assertEquals(0, gone.counters().calls(), "counters forgotten");
    assertFalse(budget.countersByConnection().containsKey("gone"));
    assertTrue(gone.quotaUsedUpUntil().isEmpty(), "monthly hold forgotten");
    assertTrue(gone.callsResumeAt().isEmpty(), "pause forgotten");
    CallBudget.Standing kept = budget.standing("kept");
    assertEquals(0L, kept.monthlyRemaining(), "only the removed connection");
    assertTrue(kept.quotaUsedUpUntil().isPresent());
  }
}
