package com.livestormconnect.livestorm.budget;

import java.time.Clock;

/** Builds a {@link CallBudget} outside CDI (in memory, one node) for tests of other packages. */
public final class Budgets {
  private Budgets() {}

  /** Livestorm's limit (5 per second), no cap on background work, the system clock. */
  public static CallBudget inMemory() {
    return inMemory(Clock.systemUTC(), 100);
  }

  public static CallBudget inMemory(Clock clock, int backgroundPercent) {
    return new CallBudget(
        5, Permits.WINDOW, new MemoryWindow(5, Permits.WINDOW), clock, backgroundPercent);
  }
}
