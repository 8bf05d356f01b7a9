package com.livestormconnect.livestorm.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the budget answers its client: pauses read from Retry-After, refusals, and the cap. */
class CallBudgetTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Duration BACKOFF = Duration.ofMillis(123);

  private final MovableClock clock = new MovableClock(NOW);

  private static void used(CallBudget budget, String connection, int remaining) {
    budget.heard(
        connection,
        Map.of(
                "RateLimit-Monthly-Limit",
                "1000",
                "RateLimit-Monthly-Remaining",
                Integer.toString(remaining))
            ::get);
  }

  @Test
  void a429PausesForRetryAfterInSecondsOrAsADateElseForTheBackoff() {
    CallBudget budget = Budgets.inMemory(clock, 100);
    assertEquals(Duration.ofSeconds(2), budget.tooManyRequests("c1", Optional.of("2"), BACKOFF));
    assertEquals(
        Duration.ofSeconds(3),
        budget.tooManyRequests("c2", Optional.of("Sat, 28 Nov 2026 12:00:03 GMT"), BACKOFF));
    assertEquals(BACKOFF, budget.tooManyRequests("c3", Optional.of("soon"), BACKOFF));
    assertEquals(BACKOFF, budget.tooManyRequests("c4", Optional.empty(), BACKOFF));
    assertTrue(budget.standing("c1").callsResumeAt().isPresent(), "every caller holds back");
    assertEquals(4, budget.totals().calls().rateLimited());
  }

  @Test
  void a429WhoseRetryAfterIsDaysAwayIsTheMonthlyQuotaAndPausesNothing() {
    CallBudget budget = Budgets.inMemory(clock, 100);
    CallBudget.Refusal refusal =
        assertThrows(
            CallBudget.Refusal.class,
            () -> budget.tooManyRequests("c1", Optional.of("259200"), BACKOFF));
    assertEquals(CallBudget.Refusal.Reason.QUOTA_USED_UP, refusal.reason());
    assertEquals(Optional.of(NOW.plus(Duration.ofDays(3))), refusal.until());
    assertTrue(refusal.getMessage().contains("2026-12-01T12:00:00Z"), refusal.getMessage());
    assertTrue(budget.standing("c1").callsResumeAt().isEmpty(), "no per-second pause on top");
    assertThrows(
        CallBudget.Refusal.class,
        () -> budget.permit("c1", CallBudget.Priority.INTERACTIVE, Instant.now().plusSeconds(5)));
  }

  /** With a cap of 60 %, exports stop there; page loads go on until the quota is used up. */
  @Test
  void backgroundWorkStopsAtItsShareOfTheMonthlyQuota() throws Exception {
    CallBudget budget = Budgets.inMemory(clock, 60);
    Instant deadline = Instant.now().plusSeconds(5);
    used(budget, "c1", 401); // 59.9 % used
    budget.permit("c1", CallBudget.Priority.BACKGROUND, deadline).close();

    used(budget, "c1", 400); // 60 % used
    CallBudget.Refusal refusal =
        assertThrows(
            CallBudget.Refusal.class,
            () -> budget.permit("c1", CallBudget.Priority.BACKGROUND, deadline));
    assertEquals(CallBudget.Refusal.Reason.BACKGROUND_SHARE_USED, refusal.reason());
    budget.permit("c1", CallBudget.Priority.INTERACTIVE, deadline).close();
    budget.permit("c2", CallBudget.Priority.BACKGROUND, deadline).close(); // nothing known yet
  }

  @Test
  void theStandingTellsTheMonthlyFiguresAndTheWarning() {
    CallBudget budget = Budgets.inMemory(clock, 100);
    used(budget, "c1", 150);
    CallBudget.Standing standing = budget.standing("c1");
    assertEquals(1000L, standing.monthlyLimit());
    assertEquals(150L, standing.monthlyRemaining());
    assertEquals(85, standing.usedPercent());
    assertEquals(80, standing.warningLevel());
    assertEquals(150L, budget.totals().smallestMonthlyRemaining());
    assertEquals(0, budget.totals().connectionsRunningLow());
  }
}
