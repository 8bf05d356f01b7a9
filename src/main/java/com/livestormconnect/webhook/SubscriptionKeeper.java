package com.livestormconnect.webhook;

import com.livestormconnect.config.Settings;
import com.livestormconnect.config.WebhookSettings;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.AllPages;
import com.livestormconnect.livestorm.GrantedScopes;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.LivestormScope;
import com.livestormconnect.livestorm.Webhook;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps each connection's subscriptions alive at Livestorm when its grant includes {@code
 * webhooks:write}: creates one per event of {@code LIVESTORM_WEBHOOK_EVENTS} soon after connecting,
 * then checks them every hour (one node per connection, through {@code webhook_check}) and creates
 * again any that Livestorm no longer lists: Livestorm disables a subscription after five failed
 * deliveries, and the only fix is a new one. What was missed meanwhile is for the sync to re-read
 * ({@link CopyHints#gap}). Every call is background work, within the connection's background
 * budget. Disconnecting deletes them first ({@link #removeAtLivestorm}), while the tokens still
 * exist.
 */
@ApplicationScoped
public class SubscriptionKeeper {
  static final Duration PERIOD = Duration.ofHours(1);

  /** How often this node looks for connections whose check is due (new ones included). */
  static final Duration SCAN = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(SubscriptionKeeper.class.getName());

  @Resource ManagedScheduledExecutorService executor;

  @Inject LivestormClient client;

  @Inject Subscriptions subscriptions;

  @Inject TokenStore connections;

  @Inject WebhookSettings webhooks;

  @Inject Settings settings;

  @Inject CopyHints hints;

  @Inject Clock clock;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    executor.scheduleWithFixedDelay(
        this::checkDue, SCAN.toSeconds(), SCAN.toSeconds(), TimeUnit.SECONDS);
  }

  /** Whether the app may manage this connection's subscriptions. */
  public static boolean mayWrite(ConnectionSummary connection) {
    return GrantedScopes.usable(connection).allows(LivestormScope.WEBHOOKS_WRITE);
  }

  /** The URL Livestorm posts to for a subscription with this token. */
  URI receiverUrl(String token) {
    return URI.create(settings.appBaseUrl() + "/webhooks/livestorm/" + token);
  }

  /** One scan; never throws, since a periodic task that throws is never run again. */
  private void checkDue() {
    List<ConnectionSummary> all;
    try {
      all = connections.all();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Listing the connections for the webhook check failed", e);
      return;
    }
    Instant now = clock.instant();
    for (ConnectionSummary connection : all) {
      try {
        if (mayWrite(connection)
            && !connection.needsReconnect()
            && subscriptions.takeCheck(connection.accountId(), now, now.plus(PERIOD))) {
          check(connection.accountId());
        }
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Checking the webhook subscriptions of account " + connection.accountId() + " failed",
            e);
      }
    }
  }

  /** What a check found and did. */
  public record Outcome(int alive, int created, int failed) {}

  /**
   * Checks the connection's subscriptions now: lists Livestorm's, keeps ours that are listed, and
   * creates the others (re-created ones mark the copy stale for the gap).
   */
  public Outcome check(long accountId) {
    ConnectionSummary connection = connections.find(accountId).orElse(null);
    if (connection == null || !mayWrite(connection)) {
      return new Outcome(0, 0, 0);
    }
    Map<String, Webhook> listed =
        AllPages.stream(
                page ->
                    client.webhooks(
                        Access.background(accountId), page, LivestormClient.MAX_PAGE_SIZE),
                (done, count, records) -> {})
            .collect(Collectors.toMap(Webhook::id, Function.identity(), (a, b) -> a));
    Map<String, Subscription> ours =
        subscriptions.of(accountId).stream()
            .collect(Collectors.toMap(Subscription::event, Function.identity()));
    Instant now = clock.instant();
    int alive = 0;
    int created = 0;
    int failed = 0;
    for (String event : webhooks.events()) {
      Subscription known = ours.get(event);
      if (known != null && known.livestormId() != null && listed.containsKey(known.livestormId())) {
        subscriptions.checked(accountId, event, Subscription.State.ACTIVE, now);
        alive++;
        continue;
      }
      if (known != null && known.state() == Subscription.State.ACTIVE) {
        subscriptions.checked(accountId, event, Subscription.State.MISSING, now);
      }
      if (create(accountId, event)) {
        created++;
        if (known != null && known.livestormId() != null) {
          hints.gap(accountId, event);
        }
      } else {
        failed++;
      }
    }
    return new Outcome(alive, created, failed);
  }

  private boolean create(long accountId, String event) {
    String token = Subscriptions.newToken();
    Instant now = clock.instant();
    try {
      Webhook made =
          client.createWebhook(Access.background(accountId), receiverUrl(token).toString(), event);
      subscriptions.save(accountId, event, token, made.id(), Subscription.State.ACTIVE, null, now);
      return true;
    } catch (LivestormException e) {
      String problem = "Livestorm answered " + e.status() + " (" + e.kind() + ")";
      subscriptions.save(accountId, event, token, null, Subscription.State.FAILED, problem, now);
      return false;
    }
  }

  /**
   * Deletes the connection's subscriptions at Livestorm, before its tokens go: called by the
   * disconnection. A failure is logged and does not stop the disconnection (the tokens are revoked
   * right after, and Livestorm disables what then fails).
   */
  public void removeAtLivestorm(long accountId) {
    List<Subscription> ours = subscriptions.of(accountId);
    Set<String> ids =
        ours.stream()
            .map(Subscription::livestormId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    for (String id : ids) {
      try {
        client.deleteWebhook(Access.of(accountId), id);
      } catch (RuntimeException e) { // never stops the disconnection, whatever went wrong
        LOG.warning(
            () ->
                "Deleting webhook subscription "
                    + id
                    + " of account "
                    + accountId
                    + " at Livestorm failed: "
                    + e.getClass().getSimpleName());
      }
    }
  }
}
