package com.livestormconnect.livestorm.budget;

import static com.livestormconnect.livestorm.budget.CallBudget.Priority.BACKGROUND;
import static com.livestormconnect.livestorm.budget.CallBudget.Priority.INTERACTIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The limiter with a short window (300 ms for 5 permits) so that the properties show in little
 * time. The assertions are about order and counts, with a few milliseconds of slack for timestamps
 * taken a little after the event they record; none is a speed target.
 */
class PermitsTest {
  private static final Duration WINDOW = Duration.ofMillis(300);
  private static final long SLACK_NANOS = Duration.ofMillis(15).toNanos();

  private final Permits permits = inMemory(5, WINDOW);

  static Permits inMemory(int limit, Duration window) {
    return new Permits(limit, window, new MemoryWindow(limit, window));
  }

  /** At most 5 of these instants in any window (less the slack). */
  private static void atMostFivePerWindow(List<Long> instants, String what) {
    List<Long> sorted = new ArrayList<>(instants);
    Collections.sort(sorted);
    for (int i = 5; i < sorted.size(); i++) {
      long gap = sorted.get(i) - sorted.get(i - 5);
      assertTrue(
          gap >= WINDOW.toNanos() - SLACK_NANOS,
          what + " " + (i - 5) + " and " + i + " are " + gap / 1_000_000 + " ms apart");
    }
  }

  @Test
  void requestsArriveAtMostFivePerRollingWindowWhateverTheirLatency() throws Exception {
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(12);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(
          callers.submit(
              () -> {
                try (CallBudget.Permit permit =
                    permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(30)).orElseThrow()) {
                  // The request travels for a while, arrives, and its answer travels back:
                  // latencies
                  // of up to 120 ms, far more jitter than a 5 % margin between starts could absorb.
                  Thread.sleep(ThreadLocalRandom.current().nextInt(120));
                  arrivals.add(System.nanoTime());
                  Thread.sleep(ThreadLocalRandom.current().nextInt(120));
                }
                return null;
              }));
    }
    for (Future<?> call : calls) {
      call.get();
    }
    callers.shutdown();
    assertEquals(40, arrivals.size());
    atMostFivePerWindow(arrivals, "arrivals");
  }

  @Test
  void waitingCallersAreServedInTheOrderTheyCame() throws Exception {
    // A short window: each waiting caller is served as soon as the slot given back is free again.
    Permits permits = inMemory(5, Duration.ofMillis(50));
    List<CallBudget.Permit> held = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      held.add(permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(2)).orElseThrow());
    }
    BlockingQueue<Integer> served = new LinkedBlockingQueue<>();
    CountDownLatch allServed = new CountDownLatch(1);
    List<Thread> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int caller = i;
      Thread t =
          new Thread(
              () -> {
                try (CallBudget.Permit p =
                    permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(30)).orElseThrow()) {
                  served.add(caller);
                  allServed
                      .await(); // keeps its slot, so the only slots freed are the ones given back
                  // below
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      waiting.add(t);
      queued(t); // caller i is in the queue before caller i + 1 asks
    }
    // One slot at a time, each only once the previous grant is in: whoever is served is the head
    // of the queue, and the grants cannot race each other to the list.
    try {
      for (int i = 0; i < 5; i++) {
        held.get(i).close();
        assertEquals(i, served.poll(10, TimeUnit.SECONDS), "served after caller " + (i - 1));
      }
    } finally {
      allServed.countDown();
    }
    for (Thread t : waiting) {
      t.join(10_000);
    }
    assertTrue(served.isEmpty());
  }

  /**
   * Waits until {@code caller} is parked in {@link Permits#acquire} (waiting for its turn or on its
   * window): a timed park is where a caller waits for its turn, so from then on it is queued ahead
   * of anyone who asks later.
   */
  private static void queued(Thread caller) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (caller.getState() != Thread.State.TIMED_WAITING) {
      assertTrue(
          caller.isAlive() && System.nanoTime() < deadline,
          "caller never queued: " + caller.getState());
      Thread.yield();
    }
  }

  @Test
  void aCallerWhoseDeadlinePassesGetsNothingAndHoldsNothing() throws Exception {
    for (int i = 0; i < 5; i++) {
      permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(2)).orElseThrow().close();
    }
    long started = System.nanoTime();
    Optional<CallBudget.Permit> late = permits.acquire("c1", INTERACTIVE, Duration.ofMillis(50));
    assertTrue(late.isEmpty(), "all five permits are in their window");
    assertTrue(System.nanoTime() - started < WINDOW.toNanos(), "it gave up at its deadline");
    // Nothing was taken by the refused caller: once the window has passed, five are free again
    // (a slot it kept would never come back, and the fifth would wait in vain).
    for (int i = 0; i < 5; i++) {
      assertTrue(
          permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(2)).isPresent(), "permit " + i);
    }
  }

  @Test
  void aPauseAfterA429HoldsBackEveryCallerOfTheConnectionOnly() throws Exception {
    permits.pause("c1", Duration.ofMillis(400));
    long started = System.nanoTime();
    assertTrue(
        permits.acquire("c1", INTERACTIVE, Duration.ofMillis(100)).isEmpty(),
        "a 100 ms deadline ends in the pause");
    assertTrue(
        permits.acquire("other", INTERACTIVE, Duration.ZERO).isPresent(),
        "other connections go on");
    assertTrue(permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(2)).isPresent());
    assertTrue(System.nanoTime() - started >= Duration.ofMillis(400).toNanos() - SLACK_NANOS);
  }

  @Test
  void aPagesFewCallsStartTogetherThenStartsAreSpreadOut() throws Exception {
    List<Long> starts = new ArrayList<>();
    long before = System.nanoTime();
    // The first BURST (3) go at once: a page's independent calls overlap . Each is
    // granted without any wait at all; paced one by one, the second would have to wait.
    for (int i = 0; i < Permits.BURST; i++) {
      permits
          .acquire("c1", INTERACTIVE, Duration.ZERO)
          .orElseThrow(() -> new AssertionError("no wait for a page's calls"))
          .close();
      starts.add(System.nanoTime());
    }
    for (int i = Permits.BURST; i < 5; i++) {
      permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(2)).orElseThrow().close();
      starts.add(System.nanoTime());
    }
    // ...and the next ones follow a fifth of the window apart instead of in a burst of five.
    // Measured
    // from before the first call (a busy machine can only delay a start, never bring one forward).
    for (int i = Permits.BURST; i < 5; i++) {
      assertTrue(
          starts.get(i) - before
              >= WINDOW.dividedBy(5).multipliedBy(i - Permits.BURST + 1).toNanos() - SLACK_NANOS,
          "start " + i + " comes a fifth of the window after the one before it, at the earliest");
    }
  }

  @Test
  void aHugeRetryAfterPausesTheConnectionForAnHourAtMostAndSaysWhenCallsResume() {
    assertTrue(permits.resumesAt("c1").isEmpty(), "no pause yet");
    Duration applied = permits.pause("c1", Duration.ofSeconds(Integer.MAX_VALUE));
    assertEquals(Duration.ofHours(1), applied);
    java.time.Instant resumes = permits.resumesAt("c1").orElseThrow();
    java.time.Instant now = java.time.Instant.now();
    assertTrue(
        !resumes.isAfter(now.plus(Duration.ofHours(1)))
            && resumes.isAfter(now.plus(Duration.ofMinutes(59))),
        resumes.toString());
    assertEquals(
        Duration.ofSeconds(2), permits.pause("c2", Duration.ofSeconds(2)), "short pauses stay");
  }

  @Test
  void aPermitClosedTwiceFreesOneSlotOnly() throws Exception {
    CallBudget.Permit first =
        permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(2)).orElseThrow();
    for (int i = 0; i < 4; i++) {
      permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(2)).orElseThrow();
    }
    first.close();
    first.close();
    // The four others are still held and the closed one is in its window: nothing is free.
    assertTrue(
        permits.acquire("c1", INTERACTIVE, Duration.ofMillis(WINDOW.toMillis() / 2)).isEmpty());
  }

  /**
   * An export's calls queue on the connection; a page load that comes meanwhile goes ahead of that
   * queue: at most one background caller (the one whose turn it is) is served between the moment
   * the page load queues and its own permit. The list records a grant only after the permit is
   * returned, so one export granted just before the page queued may be written after {@code asked}
   * is read: two is the bound. Without priorities the page would wait for the whole queue (7).
   */
  @Test
  void aPageLoadWaitsForOnePermitAtMostNotForTheExportsQueue() throws Exception {
    List<String> grants = Collections.synchronizedList(new ArrayList<>());
    ExecutorService export = Executors.newFixedThreadPool(12);
    List<Future<?>> exportCalls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      exportCalls.add(
          export.submit(
              () -> {
                try (CallBudget.Permit p =
                    permits.acquire("c1", BACKGROUND, Duration.ofSeconds(30)).orElseThrow()) {
                  grants.add("export");
                }
                return null;
              }));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (grants.size() < 5) { // the window is full: the other seven export calls queue
      assertTrue(System.nanoTime() < deadline, "the export never started");
      Thread.sleep(1);
    }
    Thread page =
        new Thread(
            () -> {
              try (CallBudget.Permit p =
                  permits.acquire("c1", INTERACTIVE, Duration.ofSeconds(30)).orElseThrow()) {
                grants.add("page");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    page.start();
    queued(page);
    int asked = grants.size();
    page.join(10_000);
    for (Future<?> call : exportCalls) {
      call.get(); // the export still gets every permit it asked for
    }
    export.shutdown();

    int served = grants.indexOf("page");
    assertTrue(
        served - asked <= 2,
        "the page load waited for " + (served - asked) + " export permits: " + grants);
    assertEquals(13, grants.size());
  }

  /** With no page load waiting, background work is not held back: it takes what is left. */
  @Test
  void backgroundWorkAloneGoesAtTheFullRate() throws Exception {
    for (int i = 0; i < Permits.BURST; i++) {
      assertTrue(permits.acquire("c1", BACKGROUND, Duration.ZERO).isPresent(), "permit " + i);
    }
  }
}
