package com.livestormconnect.livestorm.budget;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared limiter alone, without HTTP in the way: two "nodes" (two Permits, each with its own
 * shared window over its own database connections, as two JVMs would have) on the build's
 * PostgreSQL. What ClusterIT checks end to end through the sandbox is checked here exactly, on the
 * grant times themselves, and the cost of one permit is measured. PostgreSQL execution only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedPermitsIT {
  private static final long SECOND = 1_000_000_000L;

  private DataSource postgres;

  @BeforeAll
  void connect() throws Exception {
    String url = System.getProperty("it.postgres.url");
    assumeTrue(url != null, "SharedPermitsIT needs the build's PostgreSQL; skipped");
    String password =
        Files.readString(Path.of(System.getProperty("it.postgres.password.file"))).strip();
    PGSimpleDataSource server = new PGSimpleDataSource();
    server.setURL(url);
    server.setUser(System.getProperty("it.postgres.user"));
    server.setPassword(password);
    // A database of its own, so that the deployments of the other tests find theirs as Flyway
    // left it (a table made here would be a "non-empty schema without history" to Flyway).
    try (Connection c = server.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS livestorm_permits");
      s.execute("CREATE DATABASE livestorm_permits");
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url.substring(0, url.lastIndexOf('/') + 1) + "livestorm_permits");
    ds.setUser(System.getProperty("it.postgres.user"));
    ds.setPassword(password);
    postgres = ds;
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      // What the app's migration creates (db/postgresql/V40__permit_slot.sql).
      s.execute(
          new String(
              SharedPermitsIT.class
                  .getResourceAsStream("/db/postgresql/V40__permit_slot.sql")
                  .readAllBytes()));
    }
  }

  /** One node: its own slot table over its own small pool of connections. */
  private Permits node() throws SQLException {
    return node(4, Duration.ofSeconds(5));
  }

  private Permits node(int poolSize, Duration connectTimeout) throws SQLException {
    return new Permits(
        5,
        Permits.WINDOW,
        new SharedWindow(pool(postgres, poolSize), 5, Permits.WINDOW, connectTimeout));
  }

  private static Optional<CallBudget.Permit> acquire(
      Permits node, String connection, Duration maxWait) throws InterruptedException {
    return node.acquire(connection, CallBudget.Priority.INTERACTIVE, maxWait);
  }

  /** A 429 seen by one node: the other holds its callers back too, and can say until when. */
  @Test
  void aPauseOnOneNodeHoldsBackAndShowsOnTheOther() throws Exception {
    Permits one = node();
    Permits two = node();
    String connection = UUID.randomUUID().toString();
    assertTrue(two.resumesAt(connection).isEmpty(), "no pause yet");

    one.pause(connection, Duration.ofMillis(1_500));

    java.time.Instant resumes = two.resumesAt(connection).orElseThrow();
    assertTrue(resumes.isAfter(java.time.Instant.now().plusMillis(1_000)), "resumes at " + resumes);
    assertTrue(
        acquire(two, connection, Duration.ofMillis(200)).isEmpty(), "paused past the deadline");
    long started = System.nanoTime();
    assertTrue(acquire(two, connection, Duration.ofSeconds(5)).isPresent());
    assertTrue(System.nanoTime() - started >= Duration.ofMillis(1_000).toNanos(), "waited it out");
  }

  @Test
  void twoNodesTogetherNeverGrantMoreThanFiveStartsInAnyRollingSecond() throws Exception {
    Permits one = node();
    Permits two = node();
    String connection = UUID.randomUUID().toString();
    List<Long> grants = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Permits node = i % 2 == 0 ? one : two;
        calls.add(
            threads.submit(
                () -> {
                  go.await();
                  Optional<CallBudget.Permit> permit =
                      acquire(node, connection, Duration.ofSeconds(30));
                  grants.add(System.nanoTime());
                  permit.ifPresent(CallBudget.Permit::close);
                  return permit.isPresent();
                }));
      }
      go.countDown();
      for (Future<Boolean> call : calls) {
        assertTrue(call.get());
      }
    } finally {
      threads.shutdownNow();
    }
    List<Long> sorted = new ArrayList<>(grants);
    Collections.sort(sorted);
    for (int i = 5; i < sorted.size(); i++) {
      // Slots are 1050 ms apart per five; up to 50 ms of wake-up jitter still keeps them a second
      // apart.
      assertTrue(
          sorted.get(i) - sorted.get(i - 5) >= SECOND,
          "grants "
              + (i - 5)
              + " and "
              + i
              + " are "
              + (sorted.get(i) - sorted.get(i - 5)) / 1_000_000
              + " ms apart");
    }
    double perSecond =
        (sorted.size() - 1) / ((sorted.get(sorted.size() - 1) - sorted.get(0)) / (double) SECOND);
    assertTrue(perSecond >= 0.9 * 5, "together the nodes used only " + perSecond + "/s");
  }

  /**
   * A node killed while holding all five slots of a connection: its rows keep their lease (here
   * connect timeout 1 s + window + 0.5 s = 2.51 s), after which the other node takes them. Not
   * before: until then the dead node's requests may still be arriving. The lease runs from each
   * take, so the earliest a slot can come back is measured from before the first take (a loaded
   * machine spreads the five takes out, and then the survivor, which asks after the fifth, waits
   * less).
   */
  @Test
  void slotsHeldByADeadNodeComeBackWhenTheirLeaseEnds() throws Exception {
    String connection = UUID.randomUUID().toString();
    Permits dead = node(2, Duration.ofSeconds(1));
    long firstTake = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      assertTrue(acquire(dead, connection, Duration.ofSeconds(5)).isPresent()); // never closed
    }
    Permits survivor = node(2, Duration.ofSeconds(1));
    long started = System.nanoTime();

    assertTrue(acquire(survivor, connection, Duration.ofSeconds(10)).isPresent());

    long now = System.nanoTime();
    long waited = now - started;
    assertTrue(
        now - firstTake >= Duration.ofMillis(2_500).toNanos(),
        "a held slot was taken " + (now - firstTake) / 1_000_000 + " ms after it was first taken");
    assertTrue(
        waited < Duration.ofSeconds(5).toNanos(),
        "the connection was blocked " + waited / 1_000_000 + " ms");
  }

  @Test
  void aPermitIsGrantedAtOnceWhenTheSharedBucketHasATokenAndItsCostIsMeasured() throws Exception {
    Permits node = node();
    int permits = 300;
    long started = System.nanoTime();
    List<String> connections = new ArrayList<>();
    for (int i = 0; i < permits; i++) {
      // A fresh connection each time: its bucket is full, so nothing waits and only the database
      // round trips are timed (insert of the row on first use included).
      connections.add(UUID.randomUUID().toString());
      assertTrue(acquire(node, connections.get(i), Duration.ofSeconds(1)).isPresent());
    }
    double firstUse = (System.nanoTime() - started) / 1e6 / permits;
    Thread.sleep(300); // every bucket has its token back
    started = System.nanoTime();
    for (String connection : connections) {
      assertTrue(acquire(node, connection, Duration.ZERO).isPresent());
    }
    double existing = (System.nanoTime() - started) / 1e6 / permits;
    Logger.getLogger(getClass().getName())
        .info(
            String.format(
                "Shared permit cost on PostgreSQL: %.2f ms per permit (row exists), %.2f ms on first use",
                existing, firstUse));
    try (PrintWriter out =
        new PrintWriter(
            Files.newBufferedWriter(
                Path.of(
                    System.getProperty("project.build.directory", "target"), "permit-cost.txt")))) {
      out.printf("%.2f ms per permit (existing row), %.2f ms on first use%n", existing, firstUse);
    }
    // A measurement, not a speed target: the figure goes to docs/benchmarks.md.
  }

  /** A fixed set of connections handed out and taken back on close, like the server's pool. */
  private static DataSource pool(DataSource source, int size) throws SQLException {
    BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      idle.add(source.getConnection());
    }
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                throw new UnsupportedOperationException(method.getName());
              }
              Connection real = idle.take();
              real.setAutoCommit(true);
              return Proxy.newProxyInstance(
                  Connection.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("close")) {
                      idle.add(real);
                      return null;
                    }
                    return m.invoke(real, a);
                  });
            });
  }
}
