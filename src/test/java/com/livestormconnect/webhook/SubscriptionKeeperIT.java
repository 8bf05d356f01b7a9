package com.livestormconnect.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.config.Settings;
import com.livestormconnect.config.WebhookSettings;
import com.livestormconnect.connect.ConnectFlow;
import com.livestormconnect.connect.Disconnection;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.AllPages;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Webhook;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The app's subscriptions at the sandbox: created for a grant with {@code webhooks:write}, kept
 * when listed, created again when gone, shown on the connection page and the webhooks page, and
 * deleted at Livestorm on disconnection; without the grant, the page says the schedule alone keeps
 * the copy.
 */
@ExtendWith(ArquillianExtension.class)
class SubscriptionKeeperIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.app(SubscriptionKeeperIT.class, ConnectFlow.class);
  }

  @Inject Settings settings;

  @Inject WebhookSettings webhooks;

  @Inject AccountStore accounts;

  @Inject SubscriptionKeeper keeper;

  @Inject Subscriptions subscriptions;

  @Inject LivestormClient client;

  @Inject Disconnection disconnection;

  private Map<String, Webhook> listed(long accountId) {
    return AllPages.stream(
            page -> client.webhooks(Access.of(accountId), page, LivestormClient.MAX_PAGE_SIZE),
            (done, count, records) -> {})
        .collect(Collectors.toMap(Webhook::id, Function.identity()));
  }

  @Test
  void subscriptionsAreCreatedKeptRecreatedAndDeletedOnDisconnection() {
    ConnectFlow flow = ConnectFlow.signedUp(settings.appBaseUrl(), "keeper");
    flow.connect("identity:read", "events:read", "webhooks:read", "webhooks:write");
    long accountId = accounts.find(flow.username).orElseThrow().getId();
    int events = webhooks.events().size();

    // The minute's scan may have created some already (it checks new connections too).
    SubscriptionKeeper.Outcome first = keeper.check(accountId);
    assertEquals(events, first.alive() + first.created(), first.toString());
    assertEquals(0, first.failed());
    Map<String, Webhook> atLivestorm = listed(accountId);
    for (Subscription s : subscriptions.of(accountId)) {
      assertEquals(Subscription.State.ACTIVE, s.state());
      Webhook hook = atLivestorm.get(s.livestormId());
      assertEquals(s.event(), hook.event());
      assertTrue(hook.url().startsWith(settings.appBaseUrl() + "/webhooks/livestorm/"), hook.url());
    }
    assertEquals(new SubscriptionKeeper.Outcome(events, 0, 0), keeper.check(accountId));

    // Gone at Livestorm (disabled, then dropped): created again at the next check.
    Subscription lost = subscriptions.of(accountId).get(0);
    client.deleteWebhook(Access.of(accountId), lost.livestormId());
    assertEquals(new SubscriptionKeeper.Outcome(events - 1, 1, 0), keeper.check(accountId));
    Subscription again = subscriptions.of(accountId).get(0);
    assertEquals(lost.event(), again.event());
    assertNotEquals(lost.livestormId(), again.livestormId());
    assertTrue(listed(accountId).containsKey(again.livestormId()));

    String page = flow.browser.get("/connection").body();
    assertTrue(page.contains(lost.event()), "the connection page lists the subscriptions");
    assertFalse(page.contains("relies on the scheduled sync alone"));
    String hooks = flow.browser.get("/webhooks").body();
    assertTrue(hooks.contains("own-webhook"), "the webhooks page marks the app's own");
    Set<String> ours =
        subscriptions.of(accountId).stream()
            .map(Subscription::livestormId)
            .collect(Collectors.toSet());

    disconnection.disconnect(accountId);
    assertTrue(subscriptions.of(accountId).isEmpty(), "forgotten with the connection");
    ConnectFlow other = ConnectFlow.signedUp(settings.appBaseUrl(), "keeper-check");
    other.connect("identity:read", "events:read", "webhooks:read");
    long otherId = accounts.find(other.username).orElseThrow().getId();
    Set<String> remaining = listed(otherId).keySet();
    assertTrue(
        ours.stream().noneMatch(remaining::contains), "deleted at Livestorm on disconnection");
    assertEquals(new SubscriptionKeeper.Outcome(0, 0, 0), keeper.check(otherId), "read only");
    assertTrue(
        other.browser.get("/connection").body().contains("relies on the scheduled sync alone"));
  }
}
