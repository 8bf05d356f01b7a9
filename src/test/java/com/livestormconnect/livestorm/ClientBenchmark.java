package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.database.Database;
import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.token.TokenStore;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client's benchmark, not a test: run with {@code ./mvnw -Pbenchmark verify}. It measures, in
 * the container against the sandbox, the request rate achieved per token against the 5/s limit, the
 * 429s received, the refreshes under a refresh storm, and the client's own overhead per call
 * (interceptor, token decryption, JSON:API mapping) against a bare call to the same endpoint. The
 * figures go to target/benchmarks/client.txt and are printed at the end.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientBenchmark {
  private static final int THROUGHPUT_CALLS = 300;
  private static final int STORM_CALLS = 100;
  private static final int OVERHEAD_CALLS = 100;

  @Deployment
  static WebArchive deployment() {
    return Deployments.app(ClientBenchmark.class, SandboxGrant.class, Connections.class);
  }

  @Inject LivestormClient client;

  @Inject AccountStore accounts;

  @Inject TokenStore tokens;

  @Inject CallBudget budget;

  @Inject LivestormSettings settings;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  private static Path report() {
    return Path.of(
        System.getProperty("project.build.directory", "target"), "benchmarks", "client.txt");
  }

  @Test
  @Order(1)
  void measure() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("Livestorm Connect client benchmark, " + Instant.now());
    lines.add(
        "JVM: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs");
    lines.add("");

    // 1. Throughput per token against the 5/s limit.
    long accountId = Connections.connected(accounts, tokens, "events:read");
    Access access = Access.of(accountId);
    long limited = Connections.sandboxCounter("rate_limited");
    long started = System.nanoTime();
    runConcurrently(10, THROUGHPUT_CALLS, () -> client.events(access, EventQuery.ALL, 0, 1));
    double seconds = (System.nanoTime() - started) / 1e9;
    lines.add(
        String.format(
            "Throughput: %d calls from 10 threads on one token in %.1f s = %.2f requests/s"
                + " (limit 5/s: %.0f %%); 429s from the sandbox: %d",
            THROUGHPUT_CALLS,
            seconds,
            THROUGHPUT_CALLS / seconds,
            THROUGHPUT_CALLS / seconds / 5 * 100,
            Connections.sandboxCounter("rate_limited") - limited));

    // 2. Refresh storm: many callers find the token about to expire at once.
    long stormAccount = Connections.connected(accounts, tokens, "events:read");
    Connections.expireSoon(dataSource, stormAccount, 30);
    long refreshes = Connections.sandboxCounter("refreshes");
    started = System.nanoTime();
    runConcurrently(
        STORM_CALLS,
        STORM_CALLS,
        () -> client.events(Access.of(stormAccount), EventQuery.ALL, 0, 1));
    lines.add(
        String.format(
            "Refresh storm: %d concurrent calls on a token about to expire -> %d refresh(es)"
                + " at the token endpoint, all calls done in %.1f s",
            STORM_CALLS,
            Connections.sandboxCounter("refreshes") - refreshes,
            (System.nanoTime() - started) / 1e9));

    // 3. Overhead per call: the client's call time minus its wait for a permit, against a bare
    //    JAX-RS GET of the same endpoint with the same token (paced too, so neither meets a 429).
    long overheadAccount = Connections.connected(accounts, tokens, "events:read");
    Access overheadAccess = Access.of(overheadAccount);
    for (int i = 0; i < 10; i++) {
      client.events(overheadAccess, EventQuery.ALL, 0, 1); // warm-up
    }
    String connectionId = tokens.find(overheadAccount).orElseThrow().id();
    var before = budget.standing(connectionId).counters();
    started = System.nanoTime();
    for (int i = 0; i < OVERHEAD_CALLS; i++) {
      client.events(overheadAccess, EventQuery.ALL, 0, 1);
    }
    long clientNanos = System.nanoTime() - started;
    var after = budget.standing(connectionId).counters();
    long waitNanos = after.permitWait().toNanos() - before.permitWait().toNanos();
    double clientMs = (clientNanos - waitNanos) / 1e6 / OVERHEAD_CALLS;
    // The client's last calls may fill the token's rolling second (a page-sized burst):
    // let it pass before the bare calls, which no limiter of ours guards.
    Thread.sleep(1_100);
    double bareMs = bareCalls(tokens.load(overheadAccount).orElseThrow().accessToken().getValue());
    lines.add(
        String.format(
            "Overhead: client call %.2f ms (permit wait excluded) vs bare call %.2f ms"
                + " -> %.2f ms per call for interceptor + decryption + mapping",
            clientMs, bareMs, clientMs - bareMs));

    Files.createDirectories(report().getParent());
    Files.write(report(), lines);
    assertTrue(Files.size(report()) > 0);
  }

  /** Bare GETs paced at 250 ms (the sandbox limit applies to them too); returns ms per call. */
  private double bareCalls(String token) throws Exception {
    Client bare = ClientBuilder.newClient();
    try {
      long total = 0;
      for (int i = 0; i < OVERHEAD_CALLS + 10; i++) {
        Thread.sleep(250);
        long started = System.nanoTime();
        try (Response response =
            bare.target(settings.apiUrl() + "/events?page%5Bnumber%5D=0&page%5Bsize%5D=1")
                .request("application/vnd.api+json")
                .header("Authorization", "Bearer " + token)
                .get()) {
          response.readEntity(String.class);
          if (response.getStatus() != 200) {
            throw new IllegalStateException("bare call answered " + response.getStatus());
          }
        }
        if (i >= 10) {
          total += System.nanoTime() - started;
        }
      }
      return total / 1e6 / OVERHEAD_CALLS;
    } finally {
      bare.close();
    }
  }

  private static void runConcurrently(int threads, int calls, java.util.concurrent.Callable<?> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(pool.submit(call));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(2)
  @RunAsClient
  void print() throws Exception {
    System.out.println();
    System.out.println("==== " + report() + " ====");
    Files.readAllLines(report()).forEach(System.out::println);
  }
}
