package com.livestormconnect.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.MicroNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The account controls that must hold for the cluster, tried as an attacker would on two real
 * Payara Micro nodes sharing one PostgreSQL (started together from an empty database, as a compose
 * file starts them): one setup code, roles, sign-in and sign-up limits. Both nodes trust 127.0.0.1
 * as their proxy, so {@code X-Forwarded-For} stands for clients at many addresses. Runs only in the
 * build's PostgreSQL execution.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountClusterIT {
  private static final String PASSWORD = "correct horse battery";
  private static final Path TARGET =
      Path.of(System.getProperty("project.build.directory", "target"));

  private SharedDatabase database;
  private Map<String, String> settings;
  private MicroNode node1;
  private MicroNode node2;
  private String adminName;

  @BeforeAll
  void startTwoNodes() throws Exception {
    database = SharedDatabase.fresh("livestorm_accounts", AccountClusterIT.class);
    for (String name : List.of("accounts1", "accounts2")) {
      deleteTree(TARGET.resolve("micro-nodes").resolve(name));
    }
    int port1 = MicroNode.freePort();
    int port2 = MicroNode.freePort();
    settings =
        database.nodeSettings(
            port1, Map.of("TRUSTED_PROXIES", "127.0.0.1/32", "LOG_FORMAT", "json"));
    // Started together: both see an empty database, and only one may make the setup code.
    node1 = MicroNode.start("accounts1", port1, settings);
    node2 = MicroNode.start("accounts2", port2, settings);
    node1.awaitUp(Duration.ofMinutes(3));
    node2.awaitUp(Duration.ofMinutes(3));
  }

  @AfterAll
  void stopBothNodes() throws Exception {
    try {
      if (node1 != null) {
        node1.close();
      }
    } finally {
      if (node2 != null) {
        node2.close();
      }
    }
  }

  @Test
  @Order(1)
  void oneSetupCodeForTheClusterNeverLoggedAndTwoConcurrentRedemptionsMakeOneAdministrator()
      throws Exception {
    List<Path> files =
        Stream.of(node1, node2)
            .map(node -> dataDir(node).resolve("admin-setup-code"))
            .filter(Files::exists)
            .toList();
    assertEquals(1, files.size(), "exactly one node holds the code: " + files);
    Path file = files.get(0);
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String code = Files.readString(file).strip();
    for (MicroNode node : List.of(node1, node2)) {
      String log = log(node);
      assertFalse(log.contains(code), node.name + "'s log holds the code");
      assertTrue(
          log.contains(file.toAbsolutePath().toString()),
          node.name + "'s log names the file that holds the code");
      assertTrue(
          new Browser(node.base()).get("/signup").body().contains("name=\"setupCode\""),
          node.name + " offers the code field");
    }

    // The same code on both nodes at the same moment.
    String first = "root-" + UUID.randomUUID().toString().substring(0, 8);
    String second = "root-" + UUID.randomUUID().toString().substring(0, 8);
    Browser on1 = new Browser(node1.base()).from("198.51.100.101");
    Browser on2 = new Browser(node2.base()).from("198.51.100.102");
    on1.get("/signup");
    on2.get("/signup");
    List<Integer> statuses =
        together(
            List.of(
                () -> redeem(on1, first, code).statusCode(),
                () -> redeem(on2, second, code).statusCode()));
    assertEquals(
        List.of(303, 400), statuses.stream().sorted().toList(), "one redemption wins: " + statuses);
    assertEquals(1, count("SELECT COUNT(*) FROM account WHERE administrator"), "administrators");
    adminName = statuses.get(0) == 303 ? first : second;

    for (MicroNode node : List.of(node1, node2)) {
      Browser late = new Browser(node.base()).from("198.51.100.103");
      late.get("/signup");
      assertEquals(
          400,
          redeem(late, "late-" + UUID.randomUUID().toString().substring(0, 8), code).statusCode(),
          "the spent code on " + node.name);
      assertFalse(
          new Browser(node.base()).get("/signup").body().contains("name=\"setupCode\""),
          node.name + " no longer offers the code field");
    }
    assertFalse(Files.exists(file), "the spent code's file is gone");
    assertEquals(1, count("SELECT COUNT(*) FROM account WHERE administrator"), "administrators");
  }

  @Test
  @Order(2)
  void aPromotionAndADemotionOnOneNodeCountOnTheOtherAtOnce() {
    assertNotNull(adminName, "the setup code test made the administrator");
    Browser admin = new Browser(node1.base()).from("198.51.100.110");
    signIn(admin, adminName);
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    Browser user = new Browser(node2.base()).from("198.51.100.111");
    assertEquals(303, user.signUp(username, PASSWORD).statusCode());
    assertEquals(403, user.get("/admin").statusCode());

    admin.get("/admin/accounts");
    assertEquals(
        303,
        admin
            .post("/admin/accounts", Map.of("username", username, "action", "promote"))
            .statusCode());
    assertEquals(200, user.get("/admin").statusCode(), "promoted on node 1, seen on node 2");
    assertEquals(
        303,
        admin
            .post("/admin/accounts", Map.of("username", username, "action", "demote"))
            .statusCode());
    assertEquals(403, user.get("/admin").statusCode(), "demoted on node 1, seen on node 2");
    assertEquals(403, user.get("/metrics").statusCode());
  }

  @Test
  @Order(3)
  void signInLimitsAndKnownAddressesHoldForTheClusterAndIpv6IsCountedByItsSlash64()
      throws Exception {
    String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8);
    Browser owner = new Browser(node1.base()).from("198.51.100.120");
    assertEquals(303, owner.signUp(victim, PASSWORD).statusCode());

    // 12 wrong passwords from one address, alternating between the nodes: one node alone answers 5.
    long started = System.nanoTime();
    int answered = 0;
    for (int i = 0; i < 12; i++) {
      answered += wrongPassword(i % 2 == 0 ? node1 : node2, victim, "203.0.113.50") != 429 ? 1 : 0;
    }
    assertTrue(
        answered <= 5 + refills(started, 30), "answered " + answered + " of 12 guesses, limit 5");

    // 40 names sprayed from 40 addresses of one IPv6 /64: one client, 20 attempts.
    started = System.nanoTime();
    answered = 0;
    for (int i = 0; i < 40; i++) {
      String address = "2001:db8:aa:bb:" + Integer.toHexString(i + 1) + "::7";
      answered += wrongPassword(i % 2 == 0 ? node1 : node2, "nobody-" + i, address) != 429 ? 1 : 0;
    }
    assertTrue(
        answered <= 20 + refills(started, 10), "answered " + answered + " of 40 from one /64");

    // The owner signs in on node 1, then guesses from 40 addresses spend the account's budget.
    assertEquals(303, signInFrom(node1, victim, PASSWORD, "198.51.100.120"));
    for (int i = 0; i < 40; i++) {
      wrongPassword(i % 2 == 0 ? node1 : node2, victim, "192.0.2." + (i + 1));
    }
    long spent = System.nanoTime();
    assertEquals(
        429,
        signInFrom(node2, victim, PASSWORD, "192.0.2.200"),
        "the account's budget for new addresses is spent on both nodes");
    assertEquals(
        303,
        signInFrom(node2, victim, PASSWORD, "198.51.100.120"),
        "node 2 knows the address the owner used on node 1");

    // Node 2 restarts: it forgets nothing (the budget gains one guess every 2 minutes, no more).
    node2.close();
    node2 = MicroNode.start("accounts2", node2.port, settings);
    node2.awaitUp(Duration.ofMinutes(3));
    answered = 0;
    for (int i = 0; i < 5; i++) {
      answered += wrongPassword(node2, victim, "192.0.2." + (201 + i)) != 429 ? 1 : 0;
    }
    assertTrue(
        answered <= refills(spent, 120), answered + " of 5 guesses answered after the restart");
    assertEquals(303, signInFrom(node2, victim, PASSWORD, "198.51.100.120"));
    String log = log(node1) + log(node2);
    assertTrue(log.contains("Throttled sign-in"), "throttled attempts are logged");
    assertFalse(log.contains("wrong password 123"), "never the password");
  }

  @Test
  @Order(4)
  void fiveSignUpsPerAddressAnHourForTheClusterTakenNamesIncluded() {
    int made = 0;
    for (int i = 0; i < 6; i++) {
      Browser browser = new Browser((i % 2 == 0 ? node1 : node2).base()).from("203.0.113.60");
      HttpResponse<String> signUp =
          browser.signUp("many-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
      if (signUp.statusCode() == 303) {
        made++;
      } else {
        assertEquals(429, signUp.statusCode(), signUp.body());
      }
    }
    assertEquals(5, made, "accounts made from one address");

    made = 0;
    for (int i = 0; i < 6; i++) {
      Browser browser =
          new Browser((i % 2 == 0 ? node1 : node2).base())
              .from("2001:db8:cc:dd:" + Integer.toHexString(i + 1) + "::1");
      made +=
          browser
                      .signUp("v6-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD)
                      .statusCode()
                  == 303
              ? 1
              : 0;
    }
    assertEquals(5, made, "accounts made from one /64");

    // Asking whether a name is taken costs the same permit as making an account.
    List<Integer> probes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Browser browser = new Browser((i % 2 == 0 ? node1 : node2).base()).from("203.0.113.61");
      probes.add(browser.signUp(adminName, PASSWORD).statusCode());
    }
    assertEquals(List.of(409, 409, 409, 409, 409, 429), probes);
  }

  /**
   * The measured attack: sign-ups at about 10 a second from 20 addresses, on both nodes, while a
   * real user signs in 12 times. Sign-up may hold one of a node's two hashing slots, so every
   * sign-in is answered; each address makes at most 5 accounts.
   */
  @Test
  @Order(5)
  void tenSignUpsASecondFromTwentyAddressesLeaveEverySignInAnswered() throws Exception {
    String steady = "steady-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        303,
        new Browser(node1.base()).from("198.51.100.130").signUp(steady, PASSWORD).statusCode());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService flood = Executors.newFixedThreadPool(20);
    List<Future<List<Integer>>> flooders = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      String address = "198.18.7." + (t + 1);
      MicroNode node = t % 2 == 0 ? node1 : node2;
      flooders.add(
          flood.submit(
              () -> {
                List<Integer> statuses = new ArrayList<>();
                while (!stop.get()) {
                  try {
                    statuses.add(
                        new Browser(node.base())
                            .from(address)
                            .signUp(
                                "junk-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD)
                            .statusCode());
                  } catch (IllegalStateException dropped) {
                    statuses.add(-1); // the attacker's connection broke: no matter
                  }
                  Thread.sleep(2_000);
                }
                return statuses;
              }));
    }
    List<Integer> signIns = new ArrayList<>();
    try {
      Thread.sleep(1_000);
      for (int i = 0; i < 12; i++) {
        signIns.add(signInFrom(i % 2 == 0 ? node1 : node2, steady, PASSWORD, "198.51.100.130"));
      }
    } finally {
      stop.set(true);
    }
    int made = 0;
    for (Future<List<Integer>> flooder : flooders) {
      List<Integer> statuses = flooder.get();
      int fromThisAddress = (int) statuses.stream().filter(status -> status == 303).count();
      assertTrue(fromThisAddress <= 5, fromThisAddress + " accounts from one address");
      made += fromThisAddress;
    }
    flood.shutdown();
    assertEquals(List.of(303), signIns.stream().distinct().toList(), "sign-ins: " + signIns);
    assertTrue(made > 0, "the flood made accounts too");
  }

  private static HttpResponse<String> redeem(Browser browser, String username, String code) {
    return browser.post(
        "/signup", Map.of("username", username, "password", PASSWORD, "setupCode", code));
  }

  private static void signIn(Browser browser, String username) {
    browser.get("/login");
    HttpResponse<String> signedIn =
        browser.post("/login", Map.of("username", username, "password", PASSWORD));
    assertEquals(303, signedIn.statusCode(), signedIn.body());
  }

  private static int signInFrom(MicroNode node, String username, String password, String address) {
    Browser browser = new Browser(node.base()).from(address);
    browser.get("/login");
    return browser.post("/login", Map.of("username", username, "password", password)).statusCode();
  }

  private static int wrongPassword(MicroNode node, String username, String address) {
    return signInFrom(node, username, "wrong password 123", address);
  }

  /** How many tokens a bucket refilling one every {@code seconds} may have gained since then. */
  private static int refills(long startedNanos, int seconds) {
    return (int) (Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() / seconds) + 1;
  }

  private static Path dataDir(MicroNode node) {
    return node.dataDir();
  }

  private static String log(MicroNode node) throws Exception {
    return Files.readString(TARGET.resolve("micro-nodes").resolve(node.name).resolve("micro.log"));
  }

  private long count(String sql) throws Exception {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private interface Call {
    int make() throws Exception;
  }

  /** The calls on threads of their own, released at the same moment. */
  private static List<Integer> together(List<Call> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (Call call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.make();
                }));
      }
      go.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
