package com.livestormconnect.webhook;

import com.livestormconnect.config.WebhookSettings;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What pages and metrics read about webhooks: their health, and which subscriptions are ours. */
@ApplicationScoped
public class Webhooks {
  @Inject Inbox inbox;

  @Inject Subscriptions subscriptions;

  @Inject TokenStore connections;

  @Inject ReceiverCounts counts;

  @Inject WebhookSettings settings;

  @Inject Clock clock;

  /** One connection's webhooks. */
  public WebhookHealth health(long accountId) {
    boolean managed = connections.find(accountId).map(SubscriptionKeeper::mayWrite).orElse(false);
    return health(accountId, managed, subscriptions.of(accountId));
  }

  /** Every connection's webhooks together. */
  public WebhookHealth health() {
    List<ConnectionSummary> all = connections.all();
    return health(null, all.stream().anyMatch(SubscriptionKeeper::mayWrite), subscriptions.all());
  }

  private WebhookHealth health(Long accountId, boolean managed, List<Subscription> subs) {
    Instant now = clock.instant();
    Inbox.Figures figures = inbox.figures(accountId, now);
    return new WebhookHealth(
        managed,
        settings.signed(),
        figures.lastDelivery(),
        figures.deliveries24h(),
        figures.pending(),
        figures.oldest().map(oldest -> Duration.between(oldest, now)),
        subs,
        subs.stream().mapToLong(Subscription::duplicates).sum(),
        counts.totals());
  }

  /** Livestorm's ids of the app's own subscriptions for this connection. */
  public Set<String> ownIds(long accountId) {
    return subscriptions.of(accountId).stream()
        .map(Subscription::livestormId)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }
}
