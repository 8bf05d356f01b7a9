package com.livestormconnect.config;

/**
 * How a connection's Livestorm allowance is shared out: background work (exports) may use at most
 * {@code backgroundQuotaPercent} % of the monthly quota, so that what is left stays for people
 * loading pages. 100 (the default) sets no cap; background work always comes after page loads.
 */
public record BudgetSettings(int backgroundQuotaPercent) {
  static BudgetSettings read(Environment env) {
    return new BudgetSettings(env.integer("LIVESTORM_BACKGROUND_QUOTA_SHARE", 100, 1, 100));
  }
}
