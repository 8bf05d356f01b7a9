package com.livestormconnect.copy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.account.SignUpForm;
import com.livestormconnect.database.Database;
import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.SandboxGrant;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.token.LivestormIdentity;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.nimbusds.oauth2.sdk.Scope;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sync's benchmark, not a test: run with {@code ./mvnw -Pbenchmark verify}. Backfills the
 * sandbox's demo organization (40 events, 300 sessions, 20,000 registrations: calls and time at 5
 * requests per second, the heap's high-water mark meanwhile), then one incremental cycle after 1 %
 * of the people changed (200 registrations over 10 sessions), then the reads the browsing script
 * (dashboard, events, an event, a session, back) makes from the copy: Livestorm calls (the
 * sandbox's counter) and time per page. Figures go to target/benchmarks/sync.txt and are printed.
 */
@ExtendWith(ArquillianExtension.class)
class SyncBenchmark {
  @Deployment
  static WebArchive deployment() {
    return Deployments.app(SyncBenchmark.class, DueLists.class, SandboxGrant.class);
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

  private long heapHigh;

  @Test
  void backfillIncrementalAndBrowsing() throws Exception {
    sandbox = new SandboxControl(URI.create(System.getProperty("APP_BASE_URL")));
    List<String> lines = new ArrayList<>();
    sandbox.monthlyQuotaLeft(1_000_000);
    long accountId = connected();
    System.gc();
    long heapBefore = used();
    sandbox.resetStats();
    Instant started = Instant.now();
    sync.backfillAgain(accountId);
    untilNothingDue(accountId, Duration.ofMinutes(10));
    Duration backfill = Duration.between(started, Instant.now());
    assertTrue(copy.status(accountId).backfillDone(), () -> "" + copy.status(accountId));
    long sessions = copy.status(accountId).scopesDone();
    lines.add(
        String.format(
            Locale.ROOT,
            "Backfill of the demo (40 events, 300 sessions, 20,000 registrations): %d calls (%d"
                + " lists), %.0f s at 5 requests/s; heap %d MB before, %d MB at most while syncing",
            sandbox.counter("api_requests"),
            sessions,
            backfill.toMillis() / 1000.0,
            heapBefore >> 20,
            heapHigh >> 20));

    JsonObject dump = sandbox.dump();
    int changed = 0;
    for (JsonObject s : dump.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
      if (changed < 200
          && "upcoming".equals(s.getJsonObject("attributes").getString("status", null))
          && s.getJsonObject("attributes").isNull("breakout_room_parent_session_id")) {
        sandbox.register(s.getString("id"), 20);
        changed += 20;
      }
    }
    sandbox.resetStats();
    started = Instant.now();
    DueLists.intervalElapsed(dataSource, accountId, Duration.ofSeconds(900));
    untilNothingDue(accountId, Duration.ofMinutes(5));
    lines.add(
        String.format(
            Locale.ROOT,
            "Incremental cycle after %d new registrations (1 %%), filter honoured: %d calls, %.1f s",
            changed,
            sandbox.counter("api_requests"),
            Duration.between(started, Instant.now()).toMillis() / 1000.0));

    sandbox.resetStats();
    List<Long> micros = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      micros.addAll(browse(accountId));
    }
    micros.sort(null);
    lines.add(
        String.format(
            Locale.ROOT,
            "Browsing on the copy (dashboard > events > event > session > event > events), 5"
                + " rounds: %d Livestorm calls; reads per page median %.1f ms, max %.1f ms",
            sandbox.counter("api_requests"),
            micros.get(micros.size() / 2) / 1000.0,
            micros.get(micros.size() - 1) / 1000.0));
    lines.forEach(System.out::println);
    Path report =
        Path.of(System.getProperty("project.build.directory", "target"), "benchmarks", "sync.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
  }

  /** The copy reads of each page of the script, timed page by page (microseconds). */
  private List<Long> browse(long accountId) {
    List<Long> pages = new ArrayList<>();
    long t = System.nanoTime();
    copy.status(accountId);
    copy.organization(accountId);
    copy.newRegistrantsPerEvent(accountId, Instant.now().minus(Duration.ofDays(7)));
    t = lap(pages, t);
    List<Event> events = copy.events(accountId, EventFilter.ALL, 0, 20).orElseThrow().items();
    t = lap(pages, t);
    Event event = events.get(0);
    copy.event(accountId, event.id());
    List<Session> held = copy.sessions(accountId, event.id()).orElseThrow().value();
    t = lap(pages, t);
    if (!held.isEmpty()) {
      copy.session(accountId, held.get(0).id());
      copy.people(accountId, held.get(0).id(), PeopleQuery.all(0, 50));
      t = lap(pages, t);
    }
    copy.event(accountId, event.id());
    copy.sessions(accountId, event.id());
    t = lap(pages, t);
    copy.events(accountId, EventFilter.ALL, 0, 20);
    lap(pages, t);
    return pages;
  }

  private static long lap(List<Long> pages, long since) {
    long now = System.nanoTime();
    pages.add((now - since) / 1000);
    return now;
  }

  private static long used() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private void untilNothingDue(long accountId, Duration atMost) throws Exception {
    Instant end = Instant.now().plus(atMost);
    int quiet = 0;
    while (quiet < 2) {
      assertTrue(Instant.now().isBefore(end), () -> "still reading: " + copy.status(accountId));
      schedule.tickNow();
      Thread.sleep(500);
      heapHigh = Math.max(heapHigh, used());
      quiet = DueLists.count(dataSource, accountId) == 0 ? quiet + 1 : 0;
    }
  }

  private long connected() throws Exception {
    String scopes = "identity:read events:read";
    long accountId =
        accounts
            .create(
                SignUpForm.of(
                    "bench-" + UUID.randomUUID().toString().substring(0, 8),
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
