package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.database.Database;
import com.livestormconnect.livestorm.budget.Budgets;
import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.token.ConnectionStatus;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.sun.net.httpserver.HttpServer;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API client in the container against the sandbox: refresh single-flight under concurrency, the
 * rate limit under load, recovery from a revoked token, and reconnection after invalid_grant.
 */
@ExtendWith(ArquillianExtension.class)
class LivestormClientIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.app(
        LivestormClientIT.class, SandboxGrant.class, Connections.class, Budgets.class);
  }

  @Inject LivestormClient client;

  @Inject AccountStore accounts;

  @Inject TokenStore tokens;

  @Inject CallBudget budget;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject LivestormSettings livestorm;

  private long events(long accountId, String kind) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM connection_event WHERE account_id = ? AND kind = ?")) {
      s.setLong(1, accountId);
      s.setString(2, kind);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static <T> List<T> concurrently(int threads, int calls, Callable<T> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(pool.submit(call));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private interface Check {
    void run() throws Exception;
  }

  /** Runs {@code check} with the sandbox under each value of {@code variant}, then resets it. */
  private static void underEach(String variant, List<String> values, Check check) throws Exception {
    SandboxControl control = new SandboxControl(Connections.appBase());
    try {
      for (String value : values) {
        control.variants(Map.of(variant, value));
        try {
          check.run();
        } catch (AssertionError e) {
          throw new AssertionError(
              "with sandbox variant " + variant + "=" + value + ": " + e.getMessage(), e);
        }
      }
    } finally {
      control.resetVariants();
    }
  }

  private long connectionEvents(long accountId, String kind, String causeFragment)
      throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM connection_event"
                    + " WHERE account_id = ? AND kind = ? AND cause LIKE ?")) {
      s.setLong(1, accountId);
      s.setString(2, kind);
      s.setString(3, "%" + causeFragment + "%");
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long refreshRequests() {
    return new SandboxControl(Connections.appBase())
        .stats()
        .getJsonObject("token_requests")
        .getJsonNumber("refresh_token")
        .longValue();
  }

  // One test method per variant: each runs on a fresh request of the test runner.
  /**
   * The REST client builds Livestorm's URLs from templates, so that no id can change the path. An
   * id holding {@code /}, {@code ?}, {@code #}, {@code %}, spaces and non-ASCII reaches Livestorm
   * as one path segment that decodes back to itself, and a filter value (with {@code %xx}, braces,
   * {@code &}, {@code =} and {@code +}) as one query value, verbatim. The request is captured as it
   * arrives.
   */
  @Test
  void idsTravelAsOnePathSegmentAndQueryValuesVerbatim() throws Exception {
    List<URI> arrived = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          arrived.add(exchange.getRequestURI());
          byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    LivestormHttp http = new LivestormHttp();
    http.settings =
        new LivestormSettings(
            livestorm.clientId(),
            livestorm.clientSecret(),
            livestorm.clientAuthentication(),
            livestorm.authorizeUrl(),
            livestorm.tokenUrl(),
            livestorm.revokeUrl(),
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1"),
            livestorm.redirectUri(),
            livestorm.registeredScopes(),
            livestorm.connectTimeout(),
            livestorm.readTimeout(),
            livestorm.refreshMargin(),
            livestorm.rateLimitPerSecond());
    http.budget = Budgets.inMemory();
    http.open();
    String id = "a/b?c#d%25e f/../\u00e9\u6f22";
    String title = "50%ab {x} & y=z+\u00e9";
    try {
      http.get(
          Access.of(1).with("connection", "token"),
          "/events/{id}/sessions",
          Map.of("id", id),
          Map.of("filter[title]", title));
    } finally {
      http.close();
      server.stop(0);
    }

    URI sent = arrived.get(0);
    String[] segments = sent.getRawPath().split("/", -1);
    assertEquals(
        List.of("", "api", "v1", "events", segments[4], "sessions"),
        List.of(segments),
        sent.getRawPath());
    assertEquals(
        id, URI.create("/" + segments[4]).getPath().substring(1), "one segment, decoded back");
    assertFalse(segments[4].contains("?") || segments[4].contains("#"), segments[4]);
    String[] query = sent.getRawQuery().split("&", -1);
    assertEquals(1, query.length, sent.getRawQuery());
    String[] pair = query[0].split("=", -1);
    assertEquals(2, pair.length, query[0]);
    assertEquals("filter[title]", URLDecoder.decode(pair[0], StandardCharsets.UTF_8));
    assertEquals(title, URLDecoder.decode(pair[1], StandardCharsets.UTF_8), query[0]);
  }

  @Test
  void fiftyConcurrentCallsOnATokenAboutToExpireRefreshItExactlyOnce() throws Exception {
    underEach(
        "refresh_rotation",
        List.of("on_use"),
        this::fiftyConcurrentCallsRefreshOnceAndKeepTheConnection);
  }

  @Test
  void
      fiftyConcurrentCallsRefreshOnceAndKeepTheConnectionWhenLivestormRevokesTheOldRefreshTokenAtOnce()
          throws Exception {
    underEach(
        "refresh_rotation",
        List.of("immediate"),
        this::fiftyConcurrentCallsRefreshOnceAndKeepTheConnection);
  }

  private void fiftyConcurrentCallsRefreshOnceAndKeepTheConnection() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:read");
    String before = tokens.load(accountId).orElseThrow().accessToken().getValue();
    Connections.expireSoon(dataSource, accountId, 60);
    long sandboxRefreshes = Connections.sandboxCounter("refreshes");
    Access access = Access.of(accountId);

    List<Page<Event>> pages =
        concurrently(50, 50, () -> client.events(access, EventQuery.ALL, 0, 1));

    assertEquals(50, pages.size());
    pages.forEach(page -> assertEquals(1, page.items().size()));
    assertEquals(
        1,
        Connections.sandboxCounter("refreshes") - sandboxRefreshes,
        "one refresh at the token endpoint");
    assertEquals(1, events(accountId, "REFRESHED"), "one refresh in the audit trail");
    TokenSet after = tokens.load(accountId).orElseThrow();
    assertFalse(before.equals(after.accessToken().getValue()));
    assertTrue(after.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(110))));
    // The connection survives: the new tokens work, and the next refresh works too.
    Connections.expireSoon(dataSource, accountId, 60);
    assertEquals(1, client.events(access, EventQuery.ALL, 0, 1).items().size());
    assertEquals(ConnectionStatus.CONNECTED, tokens.find(accountId).orElseThrow().status());
    assertEquals(2, events(accountId, "REFRESHED"));
  }

  /**
   * The sandbox refuses any request that would make six in a rolling second for one token, and
   * counts each refusal: 200 requests received and none refused means the client never went over
   * the limit (so the 200 arrivals spanned at least 39.8 s), with no retry hiding a 429. How much
   * of the limit the client uses is a figure for the benchmark (ClientBenchmark), not a test.
   */
  @Test
  void twoHundredCallsFromTwentyThreadsStayUnderTheLimitWithNo429() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:read");
    Access access = Access.of(accountId);
    SandboxControl control = new SandboxControl(Connections.appBase());
    control.resetStats();
    long limitedByClient = budget.totals().calls().rateLimited();

    List<Session> sessions =
        concurrently(20, 200, () -> client.sessions(access, 0, 1).items().get(0));

    assertEquals(200, sessions.size());
    var perToken = control.stats().getJsonObject("per_token");
    assertEquals(Set.of("token-1"), perToken.keySet(), "one token since the reset: " + perToken);
    assertEquals(
        200,
        perToken.getJsonObject("token-1").getJsonNumber("api_requests").longValue(),
        "each call reached Livestorm once");
    assertEquals(
        0,
        perToken.getJsonObject("token-1").getJsonNumber("rate_limited").longValue(),
        "no 429 from the sandbox");
    assertEquals(0, control.counter("rate_limited"), "no 429 for anyone");
    assertEquals(
        0, budget.totals().calls().rateLimited() - limitedByClient, "no 429 seen by the client");
  }

  @Test
  void aTokenThatLivestormNoLongerAcceptsIsRecoveredByARefresh() throws Exception {
    underEach("refresh_rotation", List.of("on_use"), this::aRejectedTokenIsRecoveredByOneRefresh);
  }

  @Test
  void aTokenThatLivestormNoLongerAcceptsIsRecoveredByARefreshThatRevokesTheOldOneAtOnce()
      throws Exception {
    underEach(
        "refresh_rotation", List.of("immediate"), this::aRejectedTokenIsRecoveredByOneRefresh);
  }

  private void aRejectedTokenIsRecoveredByOneRefresh() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:read");
    String before = tokens.load(accountId).orElseThrow().accessToken().getValue();
    // The sandbox moves on two hours: by its clock our access token has expired, by ours it has not
    // (clock skew, or a token invalidated early). The refresh token is still good.
    new SandboxControl(Connections.appBase()).advanceClock(7201);
    long sandboxRefreshes = Connections.sandboxCounter("refreshes");

    Page<Event> page = client.events(Access.of(accountId), EventQuery.ALL, 0, 2);

    assertEquals(2, page.items().size());
    assertEquals(
        1, Connections.sandboxCounter("refreshes") - sandboxRefreshes, "one refresh after the 401");
    assertFalse(before.equals(tokens.load(accountId).orElseThrow().accessToken().getValue()));
  }

  @Test
  void aGrantRevokedBehindOurBackNeedsReconnecting() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:read");
    String access = tokens.load(accountId).orElseThrow().accessToken().getValue();
    // Doorkeeper revokes the access and refresh token of a grant together (RFC 7009 §2.1).
    var revoke =
        new Browser(Connections.appBase())
            .postRaw(
                "/sandbox/oauth/revoke",
                Map.of(
                    "token",
                    access,
                    "token_type_hint",
                    "access_token",
                    "client_id",
                    "livestorm-connect-sandbox",
                    "client_secret",
                    "sandbox-secret-not-for-production"));
    assertEquals(200, revoke.statusCode());

    LivestormException e =
        assertThrows(
            LivestormException.class,
            () -> client.events(Access.of(accountId), EventQuery.ALL, 0, 2));

    assertEquals(LivestormException.Kind.NEEDS_RECONNECT, e.kind());
    assertEquals(ConnectionStatus.NEEDS_RECONNECT, tokens.find(accountId).orElseThrow().status());
  }

  @Test
  void aRefusedRefreshMarksTheConnectionForReconnection() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:read");
    String refresh = tokens.load(accountId).orElseThrow().refreshToken().getValue();
    new Browser(Connections.appBase())
        .postRaw(
            "/sandbox/oauth/revoke",
            Map.of(
                "token",
                refresh,
                "token_type_hint",
                "refresh_token",
                "client_id",
                "livestorm-connect-sandbox",
                "client_secret",
                "sandbox-secret-not-for-production"));
    Connections.expireSoon(dataSource, accountId, 10);

    LivestormException e =
        assertThrows(
            LivestormException.class,
            () -> client.events(Access.of(accountId), EventQuery.ALL, 0, 1));

    assertEquals(LivestormException.Kind.NEEDS_RECONNECT, e.kind());
    assertEquals(ConnectionStatus.NEEDS_RECONNECT, tokens.find(accountId).orElseThrow().status());
    assertEquals(1, events(accountId, "NEEDS_RECONNECT"));
    LivestormException again =
        assertThrows(
            LivestormException.class,
            () -> client.events(Access.of(accountId), EventQuery.ALL, 0, 1));
    assertEquals(
        LivestormException.Kind.NEEDS_RECONNECT, again.kind(), "no second refresh attempt");
  }

  @Test
  void a429FromLivestormIsWaitedOutAndRetried() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:read");
    new SandboxControl(Connections.appBase()).queueFaults(429, 2, 1);
    long limited = budget.totals().calls().rateLimited();

    Page<Event> page = client.events(Access.of(accountId), EventQuery.ALL, 0, 1);

    assertEquals(1, page.items().size());
    assertEquals(2, budget.totals().calls().rateLimited() - limited);
  }

  @Test
  void serverErrorsAreRetriedForReadsButNotForRegistrations() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:write");
    Access access = Access.of(accountId);
    new SandboxControl(Connections.appBase()).queueFaults(503, 1);
    assertEquals(1, client.sessions(access, 0, 1).items().size(), "a GET is retried");

    String sessionId = client.sessions(access, 0, 1).items().get(0).id();
    new SandboxControl(Connections.appBase()).queueFaults(503, 1);
    LivestormException e =
        assertThrows(
            LivestormException.class,
            () ->
                client.register(
                    access,
                    sessionId,
                    new Registration(
                        Map.of(
                            "email",
                            "retry-" + UUID.randomUUID() + "@example.com",
                            "company",
                            "Acme"),
                        Map.of())));
    assertEquals(LivestormException.Kind.UNAVAILABLE, e.kind());
    assertEquals(503, e.status());
  }

  @Test
  void registrationsAndConflictsComeBackTyped() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:write");
    Access access = Access.of(accountId);
    String sessionId = client.sessions(access, 0, 1).items().get(0).id();
    String email = "reg-" + UUID.randomUUID() + "@example.com";
    Person person =
        client.register(
            access,
            sessionId,
            new Registration(
                Map.of("email", email, "first_name", "Ada", "company", "Acme"),
                Map.of("utm_source", "it")));
    assertEquals(email, person.email());
    LivestormException conflict =
        assertThrows(
            LivestormException.class,
            () ->
                client.register(
                    access,
                    sessionId,
                    new Registration(Map.of("email", email, "company", "Acme"), Map.of())));
    assertEquals(LivestormException.Kind.CONFLICT, conflict.kind());
  }

  @Test
  void aMissingScopeIsForbiddenNotACrash() throws Exception {
    underEach("missing_scope", List.of("403"), this::aMissingScopeIsForbiddenWithoutARefresh);
  }

  @Test
  void aMissingScopeAnsweredAs401InsufficientScopeIsForbiddenWithoutARefresh() throws Exception {
    // Livestorm documents a missing scope once as 403, once as 401: a refresh cures neither.
    underEach("missing_scope", List.of("401"), this::aMissingScopeIsForbiddenWithoutARefresh);
  }

  private void aMissingScopeIsForbiddenWithoutARefresh() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:read");
    long refreshes = refreshRequests();
    LivestormException e =
        assertThrows(LivestormException.class, () -> client.webhooks(Access.of(accountId), 0, 10));
    assertEquals(LivestormException.Kind.FORBIDDEN, e.kind());
    assertEquals(0, refreshRequests() - refreshes, "no refresh for a missing scope");
    assertEquals(0, events(accountId, "REFRESHED"), "the connection is untouched");
  }

  @Test
  void
      aRefreshWhoseAnswerIsLostIsNotRepeatedAndEndsInAClearReconnectWhenTheTokensWereRotatedAtOnce()
          throws Exception {
    underEach(
        "refresh_rotation",
        List.of("immediate"),
        () -> {
          long accountId = Connections.connected(accounts, tokens, "events:read");
          Connections.expireSoon(dataSource, accountId, 30);
          new SandboxControl(Connections.appBase()).loseRefreshAnswers(1);
          long refreshes = refreshRequests();

          LivestormException lost =
              assertThrows(
                  LivestormException.class,
                  () -> client.events(Access.of(accountId), EventQuery.ALL, 0, 1));
          assertEquals(LivestormException.Kind.UNAVAILABLE, lost.kind());
          assertEquals(
              1, refreshRequests() - refreshes, "the token request is not repeated blindly");
          assertEquals(1, connectionEvents(accountId, "REFRESH_FAILED", "refresh answer lost"));

          LivestormException next =
              assertThrows(
                  LivestormException.class,
                  () -> client.events(Access.of(accountId), EventQuery.ALL, 0, 1));
          assertEquals(LivestormException.Kind.NEEDS_RECONNECT, next.kind());
          assertEquals(
              ConnectionStatus.NEEDS_RECONNECT, tokens.find(accountId).orElseThrow().status());
          assertEquals(1, connectionEvents(accountId, "NEEDS_RECONNECT", "answer was lost"));
          assertEquals(
              2, refreshRequests() - refreshes, "one deliberate try of the old refresh token");
        });
  }

  @Test
  void aRefreshWhoseAnswerIsLostRecoversWhenLivestormKeepsTheOldRefreshTokenUntilUse()
      throws Exception {
    underEach(
        "refresh_rotation",
        List.of("on_use"),
        () -> {
          long accountId = Connections.connected(accounts, tokens, "events:read");
          Connections.expireSoon(dataSource, accountId, 30);
          new SandboxControl(Connections.appBase()).loseRefreshAnswers(1);

          assertThrows(
              LivestormException.class,
              () -> client.events(Access.of(accountId), EventQuery.ALL, 0, 1));
          assertEquals(1, client.events(Access.of(accountId), EventQuery.ALL, 0, 1).items().size());
          assertEquals(ConnectionStatus.CONNECTED, tokens.find(accountId).orElseThrow().status());
        });
  }

  /**
   * A page is asked for only when the stream reaches it: nothing before the first item is taken,
   * one page for the first item, the second only past the first page's last item. Counted both
   * where the pages are fetched and at the sandbox (the API requests it received).
   */
  @Test
  void allPagesStreamsLazilyWithProgress() throws Exception {
    long accountId = Connections.connected(accounts, tokens, "events:read");
    Access access = Access.of(accountId);
    int size =
        10; // the 40 demo events fit one page of MAX_PAGE_SIZE; smaller pages show the paging
    List<Integer> fetched = new ArrayList<>();
    List<int[]> progress = new ArrayList<>();
    long requestsBefore = Connections.sandboxCounter("api_requests");

    Iterator<Event> events =
        AllPages.stream(
                page -> {
                  fetched.add(page);
                  return client.events(access, EventQuery.ALL, page, size);
                },
                (done, total, records) -> progress.add(new int[] {done, total}))
            .iterator();

    assertEquals(List.of(), fetched, "nothing is fetched before the stream is read");
    assertEquals(0, Connections.sandboxCounter("api_requests") - requestsBefore);
    events.next();
    assertEquals(List.of(0), fetched, "the first item needs the first page only");
    assertEquals(1, Connections.sandboxCounter("api_requests") - requestsBefore);
    int pageCount = progress.get(0)[1];
    assertTrue(pageCount >= 4, "pages: " + pageCount);
    for (int i = 1; i < size; i++) {
      events.next();
    }
    assertEquals(List.of(0), fetched, "the rest of the first page needs no other request");
    events.next();
    assertEquals(List.of(0, 1), fetched, "the next page is asked for when the stream reaches it");
    assertEquals(2, Connections.sandboxCounter("api_requests") - requestsBefore);

    long count = size + 1;
    while (events.hasNext()) {
      events.next();
      count++;
    }
    assertTrue(count >= 40, "events: " + count);
    assertEquals(
        IntStream.range(0, pageCount).boxed().toList(), fetched, "every page once, in order");
    assertEquals(pageCount, Connections.sandboxCounter("api_requests") - requestsBefore);
    assertEquals(pageCount, progress.size(), "progress after each page");
    for (int i = 0; i < progress.size(); i++) {
      assertEquals(i + 1, progress.get(i)[0]);
    }
    assertEquals(progress.get(progress.size() - 1)[0], progress.get(progress.size() - 1)[1]);
  }
}
