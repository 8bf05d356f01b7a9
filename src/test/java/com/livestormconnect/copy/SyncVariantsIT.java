package com.livestormconnect.copy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.account.SignUpForm;
import com.livestormconnect.database.Database;
import com.livestormconnect.livestorm.SandboxGrant;
import com.livestormconnect.token.LivestormIdentity;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.nimbusds.oauth2.sdk.Scope;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whether Livestorm honours {@code filter[updated_since]} or ignores it (switched at run time in
 * the sandbox), one incremental cycle after data changed underneath leaves a copy equal to the
 * sandbox's dump, field by field; honoured, the cycle costs fewer calls. Uses the sandbox's one
 * organization (the demo), backfilled once.
 */
@ExtendWith(ArquillianExtension.class)
class SyncVariantsIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.app(
        SyncVariantsIT.class, CopyDifferences.class, DueLists.class, SandboxGrant.class);
  }

  @Inject AccountStore accounts;

  @Inject TokenStore tokens;

  @Inject LocalCopy copy;

  @Inject Sync sync;

  @Inject SyncSchedule schedule;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  /** Made in the test: the property is the container's, not the client's. */
  private SandboxControl sandbox;

  @Test
  void oneCycleMakesTheCopyEqualWhetherTheFilterIsHonouredOrIgnored() throws Exception {
    sandbox = new SandboxControl(URI.create(System.getProperty("APP_BASE_URL")));
    sandbox.monthlyQuotaLeft(1_000_000);
    sandbox.variants(Map.of("updated_since", "honoured"));
    try {
      long accountId = connected("identity:read events:read");
      sync.backfillAgain(accountId);
      Instant started = Instant.now();
      untilNothingDue(accountId, Duration.ofMinutes(8));
      assertTrue(copy.status(accountId).backfillDone(), () -> "" + copy.status(accountId));
      System.out.printf(
          "SyncVariantsIT backfill: %d calls, %s%n",
          copy.status(accountId).calls(), Duration.between(started, Instant.now()));
      Deque<String> upcoming = upcomingSessions(sandbox.dump());

      long honoured = cycleAfterChanges(accountId, upcoming, "honoured");
      sandbox.variants(Map.of("updated_since", "ignored"));
      long ignored = cycleAfterChanges(accountId, upcoming, "ignored");

      System.out.printf(
          "SyncVariantsIT: one cycle after the same changes: %d calls with the filter honoured, %d"
              + " with it ignored%n",
          honoured, ignored);
      assertTrue(honoured < ignored, honoured + " calls honoured, " + ignored + " ignored");
    } finally {
      sandbox.resetVariants();
    }
  }

  /**
   * Changes the data underneath (registrations, a session run to its end, a replay watched, an
   * event edited, a session cancelled, an event and a session created), then runs one incremental
   * cycle, compares, and returns the API calls the cycle made.
   */
  private long cycleAfterChanges(long accountId, Deque<String> upcoming, String variant)
      throws Exception {
    String registered = upcoming.pop();
    sandbox.register(registered, 3);
    String ran = upcoming.pop();
    sandbox.startSession(ran);
    sandbox.endSession(ran, 60);
    sandbox.watchReplay(ran, null);
    String cancelled = upcoming.pop();
    sandbox.cancelSession(cancelled);
    JsonObject event = sandbox.createEvent("Created while " + variant, true).getJsonObject("event");
    sandbox.createSession(event.getString("id"), 86_400);
    sandbox.editEvent(eventOf(ran), Map.of("title", "Edited while " + variant));

    // Livestorm's timestamps are whole seconds and a window's end may be exclusive: a change in
    // the very second a read starts belongs to the next window (which overlaps this one).
    Thread.sleep(1_100);
    sandbox.resetStats();
    Instant started = Instant.now();
    DueLists.intervalElapsed(dataSource, accountId, Duration.ofSeconds(900));
    untilNothingDue(accountId, Duration.ofMinutes(3));
    long calls = sandbox.counter("api_requests");
    System.out.printf(
        "SyncVariantsIT cycle, filter %s: %d calls, %s%n",
        variant, calls, Duration.between(started, Instant.now()));

    List<String> differences;
    try (Connection c = dataSource.getConnection()) {
      differences = CopyDifferences.between(sandbox.dump(), c, accountId);
    }
    assertTrue(
        differences.isEmpty(),
        () -> "filter " + variant + ": " + CopyDifferences.describe(differences, 40));
    return calls;
  }

  private String eventOf(String sessionId) {
    for (JsonObject s : sandbox.dump().getJsonArray("sessions").getValuesAs(JsonObject.class)) {
      if (s.getString("id").equals(sessionId)) {
        return s.getJsonObject("attributes").getString("event_id");
      }
    }
    throw new AssertionError("no session " + sessionId);
  }

  private static Deque<String> upcomingSessions(JsonObject dump) {
    Deque<String> ids = new ArrayDeque<>();
    for (JsonObject s : dump.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
      JsonObject a = s.getJsonObject("attributes");
      if ("upcoming".equals(a.getString("status", null))
          && a.isNull("breakout_room_parent_session_id")) {
        ids.add(s.getString("id"));
      }
    }
    assertTrue(ids.size() >= 6, "the demo has upcoming sessions to change: " + ids);
    return ids;
  }

  /** Ticks the schedule until no list of the account is due or being read. */
  private void untilNothingDue(long accountId, Duration atMost) throws Exception {
    Instant end = Instant.now().plus(atMost);
    int quiet = 0;
    while (quiet < 2) {
      assertTrue(Instant.now().isBefore(end), () -> "still reading: " + copy.status(accountId));
      schedule.tickNow();
      Thread.sleep(500);
      quiet = DueLists.count(dataSource, accountId) == 0 ? quiet + 1 : 0;
    }
  }

  private long connected(String scopes) throws Exception {
    long accountId =
        accounts
            .create(
                SignUpForm.of(
                    "variants-" + UUID.randomUUID().toString().substring(0, 8),
                    "a long enough password"))
            .getId();
    var response =
        SandboxGrant.obtain(URI.create(System.getProperty("APP_BASE_URL")), scopes)
            .toSuccessResponse();
    tokens.save(
        accountId,
        tokens.connectionIdFor(accountId),
        Scope.parse(scopes),
        TokenSet.from(response, Scope.parse(scopes), Instant.now()),
        LivestormIdentity.UNKNOWN);
    return accountId;
  }
}
