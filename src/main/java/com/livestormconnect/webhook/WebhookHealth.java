package com.livestormconnect.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How webhooks are doing, for one connection or for the whole app: the last delivery and the
 * deliveries of the last 24 hours (all nodes), the inbox rows not applied yet and the age of the
 * oldest (the copy's lag; over {@link #LAG_WARNING} is a warning), the subscriptions and their
 * duplicates, and this node's receiver counters.
 *
 * @param managed whether the app keeps subscriptions (the grant includes {@code webhooks:write})
 * @param signed whether deliveries are verified (LIVESTORM_WEBHOOK_SECRET set)
 */
public record WebhookHealth(
    boolean managed,
    boolean signed,
    Optional<Instant> lastDelivery,
    long deliveries24h,
    long pending,
    Optional<Duration> lag,
    List<Subscription> subscriptions,
    long duplicates,
    ReceiverCounts.Totals node) {

  public static final Duration LAG_WARNING = Duration.ofHours(1);

  public WebhookHealth {
    subscriptions = List.copyOf(subscriptions);
  }

  public boolean lagWarning() {
    return lag.map(l -> l.compareTo(LAG_WARNING) > 0).orElse(false);
  }
}
