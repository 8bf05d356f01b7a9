package com.livestormconnect.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sync's benchmark, not a test: run with {@code ./mvnw -Pbenchmark verify
 * -Dit.test=SyncBenchmark -DpostgresSkip=true}. It runs inside the server (Payara Micro, Derby), so
 * the heap it samples is the server's (with the tests' in-memory Derby, the copy's rows are in it
 * too). Backfills the sandbox's demo organization (calls against the target of 420 plus one per
 * session, time at 5 requests per second, used heap sampled meanwhile and after a full GC every
 * {@link #GC_EVERY}), then one incremental cycle after 1 % of the registrations changed (new people
 * on upcoming sessions, replays watched on ended ones), then the browsing script (dashboard,
 * events, an event, a session, back to the event, back to the events) as real page loads over HTTP
 * by the benchmark's own account signed in: Livestorm calls (the sandbox's counter) and time per
 * page, p50/p95 per kind after a warm-up round. Asserts only that the figures mean something, never
 * a time. Figures go to target/benchmarks/sync.txt and are printed.
 */
@ExtendWith(ArquillianExtension.class)
class SyncBenchmark {
  private static final String PASSWORD = "a long enough password";
  private static final String AS_OF = "Read from this app’s copy of your Livestorm data, as of";
  private static final int ROUNDS = 20;

  /**
   * How often the backfill is interrupted by a full GC to read the live heap. Each costs a fraction
   * of a second of a backfill that takes minutes.
   */
  private static final Duration GC_EVERY = Duration.ofSeconds(30);

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

  /** Used heap after each full GC during the backfill, with the lists read in full by then. */
  private final List<String> liveHeap = new ArrayList<>();

  @Test
  void backfillIncrementalAndBrowsing() throws Exception {
    URI base = URI.create(System.getProperty("APP_BASE_URL"));
    sandbox = new SandboxControl(base);
    // Each figure is printed as soon as it is known, so a run that fails later still shows it.
    List<String> lines = new Figures();
    lines.add(
        String.format(
            Locale.ROOT,
            "Server JVM: %s %s, %d processors, max heap %d MB, %s",
            System.getProperty("java.vm.name"),
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20,
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xmx"))
                .toList()));
    sandbox.monthlyQuotaLeft(1_000_000);
    String username = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    long accountId = connected(username);

    Demo demo = Demo.of(sandbox.dump());
    long target = 420 + demo.sessions;
    System.gc();
    long heapBefore = used();
    heapHigh = heapBefore;
    sandbox.resetStats();
    Instant started = Instant.now();
    sync.backfillAgain(accountId);
    untilNothingDue(accountId, Duration.ofMinutes(15), true);
    Duration backfill = Duration.between(started, Instant.now());
    assertTrue(copy.status(accountId).backfillDone(), () -> "" + copy.status(accountId));
    long calls = sandbox.counter("api_requests");
    long limited = sandbox.counter("rate_limited");
    System.gc();
    long heapAfter = used();
    lines.add(
        String.format(
            Locale.ROOT,
            "Backfill of the demo (%d events, %d sessions with breakout rooms, %d people rows):"
                + " %d calls (target 420 + %d sessions = %d), %d answered 429, %.0f s"
                + " (at 5 requests/s %d calls take at least %.0f s); %d lists read",
            demo.events,
            demo.sessions,
            demo.people,
            calls,
            demo.sessions,
            target,
            limited,
            backfill.toMillis() / 1000.0,
            calls,
            calls / 5.0,
            copy.status(accountId).scopesDone()));
    lines.add(
        String.format(
            Locale.ROOT,
            "Heap while backfilling: %d MB used after a full GC before, %d MB at most sampled every"
                + " 0.5 s, after a full GC every %d s: %s; %d MB after a full GC once done",
            heapBefore >> 20,
            heapHigh >> 20,
            GC_EVERY.toSeconds(),
            String.join(", ", liveHeap),
            heapAfter >> 20));

    int newPeople = 0;
    for (String session : demo.upcoming.subList(0, 5)) {
      sandbox.register(session, 20);
      newPeople += 20;
    }
    int watched = 0;
    for (String session : demo.ended.subList(0, 10)) {
      for (int i = 0; i < 10; i++) {
        sandbox.watchReplay(session, null);
        watched++;
      }
    }
    // Livestorm's timestamps are whole seconds and a window's end may be exclusive: a change in
    // the very second a read starts belongs to the next window.
    Thread.sleep(1_100);
    sandbox.resetStats();
    started = Instant.now();
    DueLists.intervalElapsed(dataSource, accountId, Duration.ofSeconds(900));
    untilNothingDue(accountId, Duration.ofMinutes(5), false);
    lines.add(
        String.format(
            Locale.ROOT,
            "Incremental cycle after %d of %d registrations changed (%d new on 5 upcoming sessions,"
                + " %d replays watched on 10 ended ones), filter[updated_since] honoured: %d calls,"
                + " %d answered 429, %.1f s",
            newPeople + watched,
            demo.people,
            newPeople,
            watched,
            sandbox.counter("api_requests"),
            sandbox.counter("rate_limited"),
            Duration.between(started, Instant.now()).toMillis() / 1000.0));

    Browser browser = new Browser(base);
    browser.get("/login");
    assertEquals(
        303,
        browser.post("/login", Map.of("username", username, "password", PASSWORD)).statusCode());
    sandbox.resetStats();
    Map<String, List<Long>> micros = new LinkedHashMap<>();
    int live = browse(browser, demo, new LinkedHashMap<>()); // warm-up, not timed
    for (int round = 0; round < ROUNDS; round++) {
      live += browse(browser, demo, micros);
    }
    long pageCalls = sandbox.counter("api_requests");
    // What the pages may have marked for the sync to re-read would be calls too, just later.
    untilNothingDue(accountId, Duration.ofMinutes(1), false);
    long syncCalls = sandbox.counter("api_requests") - pageCalls;
    List<String> times = new ArrayList<>();
    micros.forEach(
        (kind, all) -> {
          all.sort(null);
          times.add(
              String.format(
                  Locale.ROOT,
                  "%s p50 %.1f ms, p95 %.1f ms (n=%d)",
                  kind,
                  percentile(all, 50) / 1000.0,
                  percentile(all, 95) / 1000.0,
                  all.size()));
        });
    lines.add(
        String.format(
            Locale.ROOT,
            "Browsing on the copy (dashboard > events > event > session > event > events), %d"
                + " rounds + 1 warm-up, session of %d people: %d Livestorm calls by the pages, %d"
                + " by the sync afterwards; %d of %d page views not from the copy",
            ROUNDS,
            demo.biggestSessionPeople,
            pageCalls,
            syncCalls,
            live,
            (ROUNDS + 1) * 6));
    lines.add(
        "Time per page (GET to last byte on 127.0.0.1, inside the server's JVM): "
            + String.join("; ", times));
    Path report =
        Path.of(System.getProperty("project.build.directory", "target"), "benchmarks", "sync.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
    System.out.println("SyncBenchmark: figures written to " + report.toAbsolutePath());
  }

  /**
   * One round of the browsing script, each page loaded and timed (microseconds, by kind); answers
   * how many of its pages did not say they came from the copy.
   */
  private static int browse(Browser browser, Demo demo, Map<String, List<Long>> micros) {
    String event = "/events/" + demo.biggestSessionEvent;
    int live = 0;
    for (String[] page :
        new String[][] {
          {"dashboard", "/dashboard"},
          {"events", "/events"},
          {"event", event},
          {"session", "/sessions/" + demo.biggestSession},
          {"event", event},
          {"events", "/events"}
        }) {
      long t = System.nanoTime();
      HttpResponse<String> response = browser.get(page[1]);
      long took = (System.nanoTime() - t) / 1000;
      assertEquals(200, response.statusCode(), page[1] + ": " + response.body());
      micros.computeIfAbsent(page[0], k -> new ArrayList<>()).add(took);
      if (!response.body().contains(AS_OF)) {
        live++;
      }
    }
    return live;
  }

  /** Lines printed as they are added. */
  private static final class Figures extends ArrayList<String> {
    @Override
    public boolean add(String line) {
      System.out.println("SyncBenchmark: " + line);
      return super.add(line);
    }
  }

  /** Nearest rank. */
  private static long percentile(List<Long> sorted, int p) {
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static long used() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** Ticks the schedule until no list of the account is due or being read, sampling the heap. */
  private void untilNothingDue(long accountId, Duration atMost, boolean gcs) throws Exception {
    Instant end = Instant.now().plus(atMost);
    Instant nextGc = Instant.now().plus(GC_EVERY);
    int quiet = 0;
    while (quiet < 2) {
      assertTrue(Instant.now().isBefore(end), () -> "still reading: " + copy.status(accountId));
      schedule.tickNow();
      Thread.sleep(500);
      heapHigh = Math.max(heapHigh, used());
      if (gcs && Instant.now().isAfter(nextGc)) {
        System.gc();
        liveHeap.add(
            String.format(
                Locale.ROOT,
                "%d MB (%d lists done)",
                used() >> 20,
                copy.status(accountId).scopesDone()));
        nextGc = Instant.now().plus(GC_EVERY);
      }
      quiet = DueLists.count(dataSource, accountId) == 0 ? quiet + 1 : 0;
    }
  }

  private long connected(String username) throws Exception {
    String scopes = "identity:read events:read";
    long accountId = accounts.create(SignUpForm.of(username, PASSWORD)).getId();
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

  /**
   * What the benchmark needs of the sandbox's data before it starts: sizes for the figures, the
   * sessions it changes, and the ended session with most people (with its event) for the browsing.
   */
  private record Demo(
      int events,
      int sessions,
      int people,
      List<String> upcoming,
      List<String> ended,
      String biggestSession,
      String biggestSessionEvent,
      int biggestSessionPeople) {
    static Demo of(JsonObject dump) {
      JsonObject people = dump.getJsonObject("people");
      int peopleRows = 0;
      for (String session : people.keySet()) {
        peopleRows += people.getJsonArray(session).size();
      }
      List<String> upcoming = new ArrayList<>();
      List<String> ended = new ArrayList<>();
      String biggest = null;
      String biggestEvent = null;
      int biggestSize = -1;
      JsonArray sessions = dump.getJsonArray("sessions");
      for (JsonObject s : sessions.getValuesAs(JsonObject.class)) {
        JsonObject a = s.getJsonObject("attributes");
        if (!a.isNull("breakout_room_parent_session_id")) {
          continue;
        }
        String id = s.getString("id");
        int size = people.containsKey(id) ? people.getJsonArray(id).size() : 0;
        if ("upcoming".equals(a.getString("status", null))) {
          upcoming.add(id);
        } else if (List.of("past", "on_demand").contains(a.getString("status", "")) && size >= 30) {
          ended.add(id);
          if (size > biggestSize) {
            biggest = id;
            biggestEvent = a.getString("event_id");
            biggestSize = size;
          }
        }
      }
      assertTrue(upcoming.size() >= 5 && ended.size() >= 10, "the demo has sessions to change");
      return new Demo(
          dump.getJsonArray("events").size(),
          sessions.size(),
          peopleRows,
          upcoming,
          ended,
          biggest,
          biggestEvent,
          biggestSize);
    }
  }
}
