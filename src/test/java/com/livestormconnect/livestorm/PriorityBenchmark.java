package com.livestormconnect.livestorm;

import com.livestormconnect.Deployments;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.dashboard.export.Exports;
import com.livestormconnect.token.TokenStore;
import jakarta.inject.Inject;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long a page load waits while exports run on the same connection, not a test: run with {@code
 * ./mvnw -Pbenchmark verify}. Four exports stream sessions' people through the app's own export
 * code ({@link Exports#write}, the rows thrown away) and keep the connection's permits busy; every
 * 1.5 s a page load makes its three independent calls side by side, as the dashboard does, and its
 * time is taken until the last answer is in. Page loads on an idle connection are measured first
 * for comparison. The figures go to target/benchmarks/priority.txt and are printed at the end.
 */
@ExtendWith(ArquillianExtension.class)
class PriorityBenchmark {
  private static final int EXPORTS = 4;
  private static final int PAGE_LOADS = 12;

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(PriorityBenchmark.class, SandboxGrant.class, Connections.class);
  }

  @Inject LivestormClient client;

  @Inject Exports exports;

  @Inject AccountStore accounts;

  @Inject TokenStore tokens;

  @Test
  void measure() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:read");
    Access page = Access.of(accountId);
    List<String> sessions =
        client.sessions(page, 0, LivestormClient.MAX_PAGE_SIZE).items().stream()
            .map(Session::id)
            .toList();
    ExecutorService pageCalls = Executors.newFixedThreadPool(3);
    Thread.sleep(1_100); // the sessions call's slot is free again

    List<Double> idle = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      idle.add(pageLoadMillis(pageCalls, page));
      Thread.sleep(1_500);
    }

    AtomicBoolean stop = new AtomicBoolean();
    LongAdder exportPages = new LongAdder();
    ExecutorService exporters = Executors.newFixedThreadPool(EXPORTS);
    List<Future<?>> running = new ArrayList<>();
    for (int e = 0; e < EXPORTS; e++) {
      int first = e;
      running.add(
          exporters.submit(
              () -> {
                for (int s = first; !stop.get(); s = (s + EXPORTS) % sessions.size()) {
                  exports.write(
                      accountId,
                      sessions.get(s),
                      Writer.nullWriter(),
                      (done, count, records) -> exportPages.increment());
                }
                return null;
              }));
    }
    Thread.sleep(3_000); // the exports fill the connection's window and queue
    long exportStart = exportPages.sum();
    long started = System.nanoTime();
    List<Double> busy = new ArrayList<>();
    for (int i = 0; i < PAGE_LOADS; i++) {
      busy.add(pageLoadMillis(pageCalls, page));
      Thread.sleep(1_500);
    }
    double exportRate = (exportPages.sum() - exportStart) / ((System.nanoTime() - started) / 1e9);
    stop.set(true);
    for (Future<?> export : running) {
      export.get();
    }
    exporters.shutdown();
    pageCalls.shutdown();

    List<String> lines = new ArrayList<>();
    lines.add("Livestorm Connect page loads during exports, " + Instant.now());
    lines.add(
        "Page load = 3 calls side by side on one connection, time until the last answer is in.");
    lines.add("Idle connection:        " + summary(idle));
    lines.add(
        String.format(
            "During %d exports:      %s; the exports read %.2f pages/s meanwhile",
            EXPORTS, summary(busy), exportRate));
    Path report =
        Path.of(
            System.getProperty("project.build.directory", "target"), "benchmarks", "priority.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
    lines.forEach(System.out::println);
  }

  private double pageLoadMillis(ExecutorService pageCalls, Access page) throws Exception {
    long started = System.nanoTime();
    List<Future<?>> calls = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      calls.add(pageCalls.submit(() -> client.events(page, EventQuery.ALL, 0, 1)));
    }
    for (Future<?> call : calls) {
      call.get();
    }
    return (System.nanoTime() - started) / 1e6;
  }

  private static String summary(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(
        "median %.0f ms, 90th percentile %.0f ms, max %.0f ms (%d page loads)",
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
        sorted.get(sorted.size() - 1),
        sorted.size());
  }
}
