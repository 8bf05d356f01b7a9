package com.livestormconnect.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.config.Settings;
import com.livestormconnect.dashboard.export.ExportJob;
import com.livestormconnect.dashboard.export.Exports;
import com.livestormconnect.database.Database;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.FreshToken;
import com.livestormconnect.token.TokenRefresh;
import com.livestormconnect.token.TokenStore;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connection's edges: a grant broader than asked, and disconnecting while other work uses the
 * connection (a refresh in flight, a running export). Runs on Derby and, in the PostgreSQL
 * execution, on PostgreSQL, whose row locks are what two nodes share.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionLifecycleIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.app(ConnectionLifecycleIT.class, ConnectFlow.class);
  }

  @Inject Settings settings;

  @Inject TokenStore store;

  @Inject TokenRefresh refresh;

  @Inject Disconnection disconnection;

  @Inject AccountStore accounts;

  @Inject Exports exports;

  @Inject LivestormClient client;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  private SandboxControl control() {
    return new SandboxControl(settings.appBaseUrl());
  }

  @AfterEach
  void release() {
    control().holdRefreshAnswers(false);
    control().resetVariants();
  }

  private long connected(ConnectFlow flow, String... scopes) {
    flow.connect(scopes);
    return accounts.find(flow.username).orElseThrow().getId();
  }

  /**
   * Livestorm may grant more than asked: the grant is kept as granted, the connection page says so,
   * and the app uses only what the user chose (here: read, not write).
   */
  @Test
  void aGrantBroaderThanAskedIsKeptShownAndUsedOnlyAsChosen() {
    control().variants(Map.of("granted_scope", "broader"));
    ConnectFlow flow = ConnectFlow.signedUp(settings.appBaseUrl(), "broad");
    long accountId = connected(flow, "events:read");
    ConnectionSummary connection = store.find(accountId).orElseThrow();
    assertTrue(connection.grantedScopes().contains("events:write"), connection.grantedScopes());
    assertEquals("events:read", connection.requestedScopes());

    String page = flow.browser.get("/connection").body();
    assertTrue(page.contains("Livestorm granted more than you chose"), page);
    HttpResponse<String> events = flow.browser.get("/events");
    assertEquals(200, events.statusCode());
    assertFalse(events.body().contains("href=\"/events/new\""), "no write action offered");
    HttpResponse<String> create = flow.browser.get("/events/new");
    assertFalse(
        create.body().contains("class=\"stacked card\" method=\"post\""),
        "no form to create an event");

    control().resetVariants();
    ConnectFlow asked = ConnectFlow.signedUp(settings.appBaseUrl(), "narrow");
    connected(asked, "events:read");
    assertFalse(
        asked.browser.get("/connection").body().contains("Livestorm granted more than you chose"));
  }

  /**
   * The refresh holds the connection's row lock while Livestorm answers; the disconnection waits
   * for it and then revokes the tokens the refresh stored, so nothing the refresh obtained stays
   * valid. Reading the tokens before taking the lock revoked the old pair and left the new one
   * alive.
   */
  @Test
  void aDisconnectionRacingARefreshRevokesTheTokensTheRefreshObtained() throws Exception {
    ConnectFlow flow = ConnectFlow.signedUp(settings.appBaseUrl(), "racer");
    long accountId = connected(flow, "events:read");
    String stale = store.load(accountId).orElseThrow().accessToken().getValue();
    SandboxControl control = control();
    control.holdRefreshAnswers(true);
    CompletableFuture<FreshToken> refreshed =
        CompletableFuture.supplyAsync(() -> refresh.refresh(accountId, stale));
    await(() -> control.heldRefreshAnswers() == 1, "the refresh reached Livestorm");
    CompletableFuture<Disconnection.Result> disconnected =
        CompletableFuture.supplyAsync(() -> disconnection.disconnect(accountId));
    await(this::someoneWaitsForARowLock, "the disconnection waits for the refresh's row lock");
    assertFalse(disconnected.isDone(), "nothing is deleted while the refresh holds the row");

    control.holdRefreshAnswers(false);
    FreshToken fresh = refreshed.get(30, TimeUnit.SECONDS);
    assertEquals(Disconnection.Result.DISCONNECTED, disconnected.get(30, TimeUnit.SECONDS));
    assertNotEquals(stale, fresh.accessToken(), "the refresh did rotate");
    assertTrue(store.find(accountId).isEmpty());
    HttpResponse<String> api =
        flow.browser.get("/sandbox/api/v1/ping", "Authorization", "Bearer " + fresh.accessToken());
    assertEquals(401, api.statusCode(), "the token the refresh obtained was revoked too");
  }

  /**
   * A disconnection ends the connection's exports: a running one stops, says why and leaves no
   * partial file, and a finished one's file (people's e-mail addresses) is deleted with it.
   */
  @Test
  void theConnectionsExportsStopAndTheirFilesGoWhenItIsRemoved() throws Exception {
    ConnectFlow flow = ConnectFlow.signedUp(settings.appBaseUrl(), "exporter");
    long accountId = connected(flow, "events:read");
    List<Session> sessions =
        client.sessions(Access.of(accountId), 0, LivestormClient.MAX_PAGE_SIZE).items().stream()
            .filter(s -> s.registrantsCount() > 0)
            .sorted(Comparator.comparingInt(Session::registrantsCount))
            .toList();
    Session small = sessions.get(0);
    Session big = sessions.get(sessions.size() - 1);
    assertTrue(big.registrantsCount() > 100, "a session of several pages: " + big);

    ExportJob finished = exports.start(accountId, small.id()).job().orElseThrow();
    await(finished::isDone, "the small export finished");
    assertTrue(Files.exists(finished.file()));
    ExportJob running = exports.start(accountId, big.id()).job().orElseThrow();
    await(() -> running.rows() > 0, "the big export wrote its first rows");

    assertEquals(Disconnection.Result.DISCONNECTED, disconnection.disconnect(accountId));
    await(() -> !running.running(), "the export ended");
    assertTrue(running.failed(), running.state().toString());
    assertEquals("export.stopped.disconnected", running.failureKey());
    assertTrue(
        running.rows() < big.registrantsCount(), "stopped before the end: " + running.rows());
    assertFalse(Files.exists(running.file()), "no file was kept");
    assertFalse(
        Files.exists(running.file().resolveSibling(running.id() + ".part")),
        "no partial file is left");
    assertFalse(
        Files.exists(finished.file()), "the finished export's file went with the connection");
    assertEquals(
        "export.stopped.disconnected", finished.failureKey(), "and it is no longer served");
    assertEquals(
        "/dashboard?notice=notConnected",
        flow.browser.post("/connect/disconnect", Map.of()).headers().firstValue("Location").get());
  }

  /** Whether a transaction waits for a lock, as the database itself reports it. */
  private boolean someoneWaitsForARowLock() {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      String sql =
          product.contains("PostgreSQL")
              ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
              : "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'";
      try (ResultSet rows = c.createStatement().executeQuery(sql)) {
        return rows.next() && rows.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
