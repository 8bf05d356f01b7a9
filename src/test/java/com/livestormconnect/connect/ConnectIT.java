package com.livestormconnect.connect;

import static com.livestormconnect.connect.ConnectFlow.location;
import static com.livestormconnect.connect.ConnectFlow.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.Deployments;
import com.livestormconnect.SandboxControl;
import com.livestormconnect.account.Account;
import com.livestormconnect.account.AccountStore;
import com.livestormconnect.account.SignUpForm;
import com.livestormconnect.admin.PrometheusText;
import com.livestormconnect.config.Settings;
import com.livestormconnect.dashboard.export.Exports;
import com.livestormconnect.database.Database;
import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.token.ConnectionStatus;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenCipher;
import com.livestormconnect.token.TokenReencryption;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connecting, in the container, against the in-WAR sandbox over HTTP: each test signs up its own
 * users in its own browsers, drives the pages, and checks the database and the sandbox directly.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.app(
        ConnectIT.class, ConnectFlow.class, ShiftedClock.class, PrometheusText.class);
  }

  @Inject Settings settings;

  @Inject TokenStore store;

  @Inject TokenReencryption reencryption;

  @Inject AccountStore accounts;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject CallBudget budget;

  @Inject Exports exports;

  private ConnectFlow user(String prefix) {
    return ConnectFlow.signedUp(settings.appBaseUrl(), prefix);
  }

  private long accountId(ConnectFlow flow) {
    return accounts.find(flow.username).orElseThrow().getId();
  }

  /**
   * A user connected through the pages (identity:read events:read), and what the way there left.
   */
  private record Connected(
      ConnectFlow flow,
      long accountId,
      String callback,
      HttpResponse<String> landed,
      long exchangesBefore) {}

  private Connected connectedThroughThePages(String prefix) {
    ConnectFlow flow = user(prefix);
    String callback = flow.decide(flow.consentPage("identity:read", "events:read"), "approve");
    long exchangesBefore = flow.codeExchanges();
    HttpResponse<String> landed = flow.browser.get(callback);
    return new Connected(flow, accountId(flow), callback, landed, exchangesBefore);
  }

  @Test
  void aNewUsersDashboardInvitesToConnect() {
    HttpResponse<String> dashboard = user("ada").browser.get("/dashboard");
    assertTrue(
        dashboard.body().contains("No Livestorm account is connected yet"), dashboard.body());
    assertTrue(dashboard.body().contains("href=\"/connect\""));
  }

  @Test
  void theConnectPageOffersEveryScopeCheckingTheLeastAndDisablingTheUnregistered() {
    HttpResponse<String> page = user("ada").browser.get("/connect");
    assertEquals(200, page.statusCode());
    assertEquals(10, page.body().split("type=\"checkbox\" name=\"scope\"", -1).length - 1);
    assertTrue(page.body().contains("full:write cannot be combined with any other scope"));
    assertTrue(page.body().contains("Read-only access to events, sessions and participants"));
    assertTrue(
        page.body().contains("differs from the scopes the app is registered with"),
        "the sandbox registers the eight individual scopes; the default is least privilege");
    // full:read and full:write are not registered: offered disabled, with the reason.
    assertTrue(
        page.body().matches("(?s).*value=\"full:write\"[^>]*disabled.*"), "full:write disabled");
    assertTrue(
        page.body().matches("(?s).*value=\"full:read\"[^>]*disabled.*"), "full:read disabled");
    assertFalse(page.body().matches("(?s).*value=\"events:read\"[^>]*disabled.*"));
    assertTrue(page.body().contains("the app is not registered with this scope at Livestorm"));
    assertTrue(page.body().matches("(?s).*value=\"events:read\"[^>]*checked.*"));
    assertFalse(page.body().matches("(?s).*value=\"events:write\"[^>]*checked.*"));
  }

  @Test
  void startingSendsTheBrowserToLivestormWithPkceAndTheChosenScopes() {
    HttpResponse<String> started = user("ada").start("identity:read", "events:read");
    assertEquals(303, started.statusCode());
    String authorize = location(started);
    assertTrue(authorize.startsWith(settings.livestorm().authorizeUrl() + "?"), authorize);
    Map<String, String> request = query(authorize);
    assertEquals("S256", request.get("code_challenge_method"));
    assertEquals("identity:read events:read", request.get("scope"));
    assertFalse(request.containsKey("code_verifier"));
  }

  @Test
  void theApprovedCallbackExchangesTheCodeOnceAndLandsOnACleanUrl() {
    Connected ada = connectedThroughThePages("ada");
    assertTrue(ada.callback().startsWith(settings.livestorm().redirectUri() + "?"), ada.callback());
    assertEquals(303, ada.landed().statusCode());
    assertEquals(
        "/dashboard", location(ada.landed()), "a clean URL: the code does not stay in history");
    assertEquals("no-referrer", ada.landed().headers().firstValue("Referrer-Policy").orElse(null));
    assertEquals(ada.exchangesBefore() + 1, ada.flow().codeExchanges());
  }

  @Test
  void theConnectionKeepsTheGrantedScopesTheExpiryAndTheLivestormIdentity() throws Exception {
    Connected ada = connectedThroughThePages("ada");
    ConnectionSummary connection = store.find(ada.accountId()).orElseThrow();
    assertEquals(ConnectionStatus.CONNECTED, connection.status());
    assertEquals("identity:read events:read", connection.grantedScopes());
    Instant expiry = connection.accessExpiresAt();
    assertTrue(
        expiry.isAfter(Instant.now().plusSeconds(7000))
            && expiry.isBefore(Instant.now().plusSeconds(7300)),
        expiry::toString);

    net.minidev.json.JSONObject me =
        new net.minidev.json.JSONObject(
            JSONObjectUtils.parse(
                ada.flow()
                    .browser
                    .get(
                        "/sandbox/api/v1/me",
                        "Authorization",
                        "Bearer "
                            + store.load(ada.accountId()).orElseThrow().accessToken().getValue())
                    .body()));
    net.minidev.json.JSONObject data = JSONObjectUtils.getJSONObject(me, "data");
    String organizationId =
        JSONObjectUtils.getJSONObject(
                JSONObjectUtils.getJSONObject(
                    JSONObjectUtils.getJSONObject(data, "relationships"), "organization"),
                "data")
            .get("id")
            .toString();
    assertEquals(data.get("id"), connection.livestormUserId());
    assertEquals(organizationId, connection.livestormOrganizationId());
  }

  @Test
  void theDashboardShowsTheConnectedOrganizationUserAndScopes() {
    Connected ada = connectedThroughThePages("ada");
    ConnectionSummary connection = store.find(ada.accountId()).orElseThrow();
    HttpResponse<String> dashboard = ada.flow().browser.get("/dashboard");
    assertTrue(dashboard.body().contains("Connected"), dashboard.body());
    // The organization's name (GET /organization?include=organization), not its id.
    assertTrue(
        dashboard.body().contains("class=\"organization\">Acme Webinars (sandbox)<"),
        "organization shown");
    // The Livestorm user by name and e-mail (from /me), not by id.
    assertTrue(
        dashboard.body().matches("(?s).*class=\"user\"><span class=\"ls\">[^<]+</span>.*"),
        "user shown by name");
    assertTrue(dashboard.body().contains("class=\"ls email\""), "user's e-mail shown");
    assertFalse(dashboard.body().contains(connection.livestormUserId()), "no user id");
    assertTrue(dashboard.body().contains("events:read"));
    assertTrue(dashboard.body().contains("action=\"/connect/disconnect\""));
  }

  @Test
  void noSecretOfTheConnectionReachesThePagesOrTheLog() {
    List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(
                String.valueOf(record.getMessage())
                    + " "
                    + java.util.Arrays.toString(record.getParameters())
                    + " "
                    + String.valueOf(record.getThrown()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger.getLogger("").addHandler(capture);
    try {
      Connected ada = connectedThroughThePages("ada");
      HttpResponse<String> dashboard = ada.flow().browser.get("/dashboard");
      TokenSet tokens = store.load(ada.accountId()).orElseThrow();
      String code = query(ada.callback()).get("code");
      for (String secret :
          List.of(
              tokens.accessToken().getValue(),
              tokens.refreshToken().getValue(),
              code,
              settings.livestorm().clientSecret().getValue())) {
        assertFalse(dashboard.body().contains(secret), "no secret in the page");
        assertFalse(ada.landed().body().contains(secret), "no secret in the callback's answer");
        assertTrue(
            logged.stream().noneMatch(line -> line.contains(secret)), "no secret in the log");
      }
    } finally {
      Logger.getLogger("").removeHandler(capture);
    }
  }

  @Test
  void aConnectionIsAuditedOnce() {
    Connected ada = connectedThroughThePages("ada");
    assertEquals(List.of("CONNECTED"), events(ada.accountId()));
  }

  @Test
  void tokensAreStoredOnlyAsCiphertexts() throws Exception {
    ConnectFlow flow = user("cipher");
    long apiCalls = flow.apiRequests();
    flow.connect("events:read");
    assertEquals(apiCalls, flow.apiRequests(), "without an identity scope, /me is not called");
    long accountId = accountId(flow);
    ConnectionSummary connection = store.find(accountId).orElseThrow();
    assertEquals(null, connection.livestormUserId());
    assertTrue(flow.browser.get("/dashboard").body().contains("unknown"));
    TokenSet tokens = store.load(accountId).orElseThrow();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT * FROM livestorm_connection WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet row = s.executeQuery()) {
        assertTrue(row.next());
        assertTrue(row.getString("access_token").startsWith("v2."));
        assertTrue(row.getString("refresh_token").startsWith("v2."));
        ResultSetMetaData meta = row.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String value = String.valueOf(row.getObject(i));
          assertFalse(value.contains(tokens.accessToken().getValue()), meta.getColumnName(i));
          assertFalse(value.contains(tokens.refreshToken().getValue()), meta.getColumnName(i));
        }
      }
    }
  }

  @Test
  void aForgedStateIsRefusedWithoutAnyTokenRequest() {
    ConnectFlow flow = user("forged");
    String callback = flow.approvedCallback("events:read");
    long exchanges = flow.codeExchanges();
    HttpResponse<String> forged =
        flow.browser.get(ConnectFlow.withParameter(callback, "state", "forged-state"));
    assertEquals(400, forged.statusCode());
    assertTrue(forged.body().contains("does not match a connection you started"), forged.body());
    assertTrue(forged.body().contains("href=\"/connect\""), "offers to start again");
    assertEquals("no-referrer", forged.headers().firstValue("Referrer-Policy").orElse(null));
    HttpResponse<String> noState =
        flow.browser.get(ConnectFlow.withParameter(callback, "state", ""));
    assertEquals(400, noState.statusCode());
    assertEquals(exchanges, flow.codeExchanges(), "no token request");
    assertTrue(store.find(accountId(flow)).isEmpty());

    assertEquals(303, flow.browser.get(callback).statusCode(), "the genuine answer still works");
  }

  @Test
  void aReplayedCallbackIsRefusedAndChangesNothing() {
    ConnectFlow flow = user("replay");
    String callback = flow.approvedCallback("events:read");
    assertEquals(303, flow.browser.get(callback).statusCode());
    ConnectionSummary first = store.find(accountId(flow)).orElseThrow();
    long exchanges = flow.codeExchanges();
    HttpResponse<String> again = flow.browser.get(callback);
    assertEquals(400, again.statusCode());
    assertTrue(again.body().contains("already used"), again.body());
    assertEquals(exchanges, flow.codeExchanges());
    assertEquals(first, store.find(accountId(flow)).orElseThrow());
  }

  @Test
  void anExpiredStateIsRefusedWithoutAnyTokenRequest() {
    ConnectFlow flow = user("slow");
    String callback = flow.approvedCallback("events:read");
    long exchanges = flow.codeExchanges();
    ShiftedClock.shift(PendingAuthorization.LIFETIME.plusSeconds(1));
    try {
      HttpResponse<String> late = flow.browser.get(callback);
      assertEquals(400, late.statusCode());
      assertTrue(late.body().contains("more than 10 minutes"), late.body());
    } finally {
      ShiftedClock.reset();
    }
    assertEquals(exchanges, flow.codeExchanges());
    assertTrue(store.find(accountId(flow)).isEmpty());
  }

  @Test
  void aWrongCodeVerifierIsRefusedByLivestormAndNothingIsStored() {
    ConnectFlow flow = user("pkce");
    // Two tabs: the code of the first, presented with the state (hence the verifier) of the second.
    String firstTab = flow.approvedCallback("events:read");
    String secondTab = location(flow.start("events:read"));
    String swapped = ConnectFlow.withParameter(firstTab, "state", query(secondTab).get("state"));
    long exchanges = flow.codeExchanges();
    HttpResponse<String> refused = flow.browser.get(swapped);
    assertEquals(exchanges + 1, flow.codeExchanges(), "the code was presented once");
    assertEquals(502, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("Livestorm refused the authorization"), refused.body());
    assertTrue(refused.body().contains("invalid_grant"));
    assertTrue(store.find(accountId(flow)).isEmpty(), "nothing stored");
    assertTrue(events(accountId(flow)).isEmpty());
  }

  @Test
  void declinedConsentExplainsInPlainWordsAndStoresNothing() {
    ConnectFlow flow = user("denier");
    String callback = flow.decide(flow.consentPage("events:read"), "deny");
    assertEquals("access_denied", query(callback).get("error"));
    long exchanges = flow.codeExchanges();
    HttpResponse<String> page = flow.browser.get(callback);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("You declined access"), page.body());
    assertTrue(page.body().contains("href=\"/connect\""), "a retry button, not an automatic loop");
    assertFalse(page.body().contains("http-equiv=\"refresh\""));
    assertEquals(exchanges, flow.codeExchanges());
    assertTrue(store.find(accountId(flow)).isEmpty());
  }

  @Test
  void anErrorDescriptionIsShownEscaped() {
    ConnectFlow flow = user("escape");
    String state = query(location(flow.start("events:read"))).get("state");
    HttpResponse<String> page =
        flow.browser.get(
            "/connect/callback?error=server_error&error_description="
                + ConnectFlow.enc("<script>alert(1)</script>")
                + "&state="
                + ConnectFlow.enc(state));
    assertEquals(503, page.statusCode());
    assertTrue(page.body().contains("unavailable at the moment"), page.body());
    assertFalse(page.body().contains("<script>alert(1)"));
    assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page.body());
  }

  @Test
  void anAnswerNamingAnotherIssuerIsRefusedWithoutAnyTokenRequest() {
    ConnectFlow flow = user("mixup");
    String callback = flow.approvedCallback("events:read");
    long exchanges = flow.codeExchanges();
    HttpResponse<String> page =
        flow.browser.get(ConnectFlow.withParameter(callback, "iss", "https://evil.example"));
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("another authorization server"), page.body());
    assertEquals(exchanges, flow.codeExchanges());
    assertTrue(store.find(accountId(flow)).isEmpty());
  }

  @Test
  void aScopeOutsideTheRegistrationIsRefusedBeforeLivestormAndTheSelectionIsKept() {
    ConnectFlow flow = user("greedy");
    HttpResponse<String> refused = flow.start("full:write", "events:read");
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused
            .body()
            .contains("The app is not registered with Livestorm for some of these scopes"),
        refused.body());
    assertTrue(
        refused.body().matches("(?s).*value=\"events:read\"[^>]*checked.*"), "selection kept");
    assertFalse(refused.body().matches("(?s).*value=\"identity:read\"[^>]*checked.*"));
    assertTrue(refused.headers().firstValue("Location").isEmpty(), "never sent to Livestorm");

    HttpResponse<String> fullRead = flow.start("full:read", "webhooks:read");
    assertEquals(400, fullRead.statusCode());
    assertEquals(400, flow.start().statusCode(), "nothing chosen");
    assertTrue(flow.start().body().contains("Choose at least one scope."));
  }

  @Test
  void connectAndDisconnectNeedTheCsrfToken() {
    ConnectFlow flow = user("csrf");
    flow.connect("events:read");
    flow.browser.get("/dashboard");
    assertEquals(
        403, flow.browser.postRaw("/connect", Map.of("scope", "events:read")).statusCode());
    assertEquals(403, flow.browser.postRaw("/connect/disconnect", Map.of()).statusCode());
    assertTrue(store.find(accountId(flow)).isPresent());
  }

  @Test
  void oneUserCanNeitherSeeNorUseNorDisconnectAnothersConnection() {
    ConnectFlow alice = user("alice");
    ConnectFlow bob = user("bob");
    bob.connect("identity:read", "webhooks:read");
    ConnectionSummary bobs = store.find(accountId(bob)).orElseThrow();

    // Bob's approved answer, opened in Alice's browser.
    String bobsCallback = bob.approvedCallback("identity:read", "webhooks:read");
    HttpResponse<String> stolen = alice.browser.get(bobsCallback);
    assertEquals(400, stolen.statusCode());
    assertTrue(store.find(accountId(alice)).isEmpty(), "nothing connected to Alice");

    HttpResponse<String> dashboard = alice.browser.get("/dashboard");
    assertTrue(dashboard.body().contains("No Livestorm account is connected yet"));
    assertFalse(dashboard.body().contains("webhooks:read"));
    assertEquals(303, alice.browser.post("/connect/disconnect", Map.of()).statusCode());
    assertEquals(
        bobs.id(), store.find(accountId(bob)).orElseThrow().id(), "Bob is still connected");

    assertEquals(
        303, bob.browser.get(bobsCallback).statusCode(), "Bob's own answer was not used up");
  }

  @Test
  void disconnectRevokesTheGrantAtLivestormAndDeletesTheTokens() throws Exception {
    ConnectFlow flow = user("leaver");
    flow.connect("events:read");
    long accountId = accountId(flow);
    TokenSet tokens = store.load(accountId).orElseThrow();
    assertEquals(
        200,
        flow.browser
            .get(
                "/sandbox/api/v1/ping",
                "Authorization",
                "Bearer " + tokens.accessToken().getValue())
            .statusCode(),
        "the token works before");

    flow.browser.get("/dashboard");
    HttpResponse<String> disconnected = flow.browser.post("/connect/disconnect", Map.of());
    assertEquals(303, disconnected.statusCode());
    assertEquals("/dashboard?notice=disconnected", location(disconnected));
    assertTrue(
        flow.browser.get(location(disconnected)).body().contains("the app’s access was revoked"));
    assertTrue(store.find(accountId).isEmpty());
    assertEquals(
        0, count("SELECT COUNT(*) FROM livestorm_connection WHERE account_id = ?", accountId));
    assertEquals(List.of("CONNECTED", "DISCONNECTED"), events(accountId));

    HttpResponse<String> refresh =
        flow.browser.postRaw(
            "/sandbox/oauth/token",
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                tokens.refreshToken().getValue(),
                "client_id",
                settings.livestorm().clientId().getValue(),
                "client_secret",
                settings.livestorm().clientSecret().getValue()));
    assertEquals(400, refresh.statusCode(), "the revoked refresh token is refused by Livestorm");
    assertTrue(refresh.body().contains("invalid_grant"), refresh.body());
    HttpResponse<String> api =
        flow.browser.get(
            "/sandbox/api/v1/ping", "Authorization", "Bearer " + tokens.accessToken().getValue());
    assertEquals(401, api.statusCode(), "the access token of the revoked grant is refused too");

    HttpResponse<String> again = flow.browser.post("/connect/disconnect", Map.of());
    assertEquals("/dashboard?notice=notConnected", location(again));
  }

  /**
   * The callback asks /me with the tokens it just got and stores tokens and identity in one write
   * (the row's version is that of a connection stored without /me), so no reader ever sees tokens
   * without their identity; and /me is still a metered call of the connection.
   */
  @Test
  void theCallbackStoresTokensAndIdentityInOneWrite() {
    ConnectFlow plain = user("onewrite-plain");
    plain.connect("events:read");
    ConnectionSummary withoutMe = store.find(accountId(plain)).orElseThrow();
    assertEquals(null, withoutMe.livestormUserId());

    ConnectFlow identified = user("onewrite-me");
    identified.connect("identity:read", "events:read");
    ConnectionSummary withMe = store.find(accountId(identified)).orElseThrow();

    assertTrue(
        withMe.livestormUserId() != null && !withMe.livestormUserId().isBlank(), withMe.toString());
    assertEquals(withoutMe.version(), withMe.version(), "one write of the connection row, not two");
    CallBudget.Standing standing = budget.standing(withMe.id());
    assertEquals(1, standing.counters().calls(), "/me went through the interceptor");
    assertTrue(
        standing.monthlyRemaining() != null, "/me's quota headers were read for the connection");
  }

  /**
   * A disconnection forgets what this node kept in memory about the connection (quota figures,
   * counters, a pause, a monthly hold), so that state does not grow with every connection ever
   * seen.
   */
  @Test
  void disconnectForgetsTheConnectionsStateInMemory() {
    ConnectFlow flow = user("forgotten");
    flow.connect("identity:read", "events:read");
    String connectionId = store.find(accountId(flow)).orElseThrow().id();
    SandboxControl sandbox = new SandboxControl(settings.appBaseUrl());
    sandbox.queueFaults(429, 1, 600); // a wait of 10 minutes: the monthly quota
    flow.browser.get("/events?refresh=1");
    budget.tooManyRequests(connectionId, Optional.of("240"), Duration.ZERO); // a per-second 429
    CallBudget.Standing before = budget.standing(connectionId);
    assertTrue(before.quotaUsedUpUntil().isPresent(), "held back for the monthly quota");
    assertTrue(before.callsResumeAt().isPresent(), "paused");
    assertTrue(before.monthlyRemaining() != null);
    assertTrue(budget.countersByConnection().containsKey(connectionId));

    flow.browser.get("/dashboard");
    assertEquals(
        "/dashboard?notice=disconnected",
        location(flow.browser.post("/connect/disconnect", Map.of())));

    CallBudget.Standing after = budget.standing(connectionId);
    assertTrue(after.monthlyRemaining() == null, "quota figures forgotten");
    assertFalse(budget.countersByConnection().containsKey(connectionId), "counters forgotten");
    assertTrue(after.quotaUsedUpUntil().isEmpty(), "monthly hold forgotten");
    assertTrue(after.callsResumeAt().isEmpty(), "pause forgotten");
  }

  /**
   * Accounts and exports take their time from the app's clock, so that tests can move it and see
   * expiries happen.
   */
  @Test
  void accountsAndExportsReadTheAppsClock() throws Exception {
    ShiftedClock.shift(Duration.ofDays(3));
    try {
      Instant shifted = Instant.now().plus(Duration.ofDays(3));
      Account account =
          accounts.create(
              SignUpForm.of("clock-" + Long.toHexString(System.nanoTime()), ConnectFlow.PASSWORD));
      assertTrue(
          Duration.between(shifted, account.getCreatedAt()).abs().toMinutes() < 1,
          "created at " + account.getCreatedAt() + ", the app's clock said " + shifted);
      Instant started =
          exports.start(account.getId(), "no-such-session").job().orElseThrow().startedAt();
      assertTrue(
          Duration.between(shifted, started).abs().toMinutes() < 1,
          "export started at " + started + ", the app's clock said " + shifted);
    } finally {
      ShiftedClock.reset();
    }
  }

  @Test
  void aConnectionNeedingReconnectOffersOneClickWithTheSameScopes() {
    ConnectFlow flow = user("returning");
    flow.connect("identity:read", "events:read");
    long accountId = accountId(flow);
    // Livestorm forgets the grant (revoking the refresh token ends it): the next call's 401 leads
    // to a refresh that Livestorm refuses with invalid_grant, the real way to need reconnecting.
    TokenSet tokens = store.load(accountId).orElseThrow();
    assertEquals(
        200,
        flow.browser
            .postRaw(
                "/sandbox/oauth/revoke",
                Map.of(
                    "token",
                    tokens.refreshToken().getValue(),
                    "token_type_hint",
                    "refresh_token",
                    "client_id",
                    settings.livestorm().clientId().getValue(),
                    "client_secret",
                    settings.livestorm().clientSecret().getValue()))
            .statusCode());
    flow.browser.get("/events?refresh=1");
    ConnectionSummary before = store.find(accountId).orElseThrow();
    assertEquals(ConnectionStatus.NEEDS_RECONNECT, before.status());

    HttpResponse<String> dashboard = flow.browser.get("/dashboard");
    assertTrue(dashboard.body().contains("Reconnect with the same access"), dashboard.body());
    assertTrue(dashboard.body().contains("Needs reconnecting"));
    assertTrue(
        dashboard.body().contains("name=\"scope\" value=\"identity:read\""), dashboard.body());

    HttpResponse<String> reconnect =
        flow.browser.post(
            "/connect",
            List.of(Map.entry("scope", "identity:read"), Map.entry("scope", "events:read")));
    assertEquals(303, reconnect.statusCode());
    assertEquals("identity:read events:read", query(location(reconnect)).get("scope"));
    HttpResponse<String> consent = flow.browser.get(location(reconnect));
    assertEquals(303, flow.browser.get(flow.decide(consent, "approve")).statusCode());

    ConnectionSummary after = store.find(accountId).orElseThrow();
    assertEquals(ConnectionStatus.CONNECTED, after.status());
    assertEquals(before.id(), after.id(), "the account's connection was replaced, not duplicated");
    assertNotEquals(before.version(), after.version());
    assertEquals(List.of("CONNECTED", "NEEDS_RECONNECT", "CONNECTED"), events(accountId));
    assertFalse(flow.browser.get("/dashboard").body().contains("Reconnect with the same access"));
  }

  @Test
  void keyRotationKeepsRowsWrittenUnderTheOldKeyReadable() throws Exception {
    ConnectFlow flow = user("rotate");
    flow.connect("events:read");
    long accountId = accountId(flow);
    TokenSet tokens = store.load(accountId).orElseThrow();
    byte[] runningKey = settings.encryptionKeys().current().orElseGet(() -> sandboxKey());
    byte[] newKey = new byte[32];
    new SecureRandom().nextBytes(newKey);

    String id;
    String stored;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, access_token FROM livestorm_connection WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet row = s.executeQuery()) {
        assertTrue(row.next());
        id = row.getString(1);
        stored = row.getString(2);
      }
    }
    TokenCipher rotated = TokenCipher.of(newKey, List.of(runningKey));
    assertEquals(
        tokens.accessToken().getValue(),
        rotated.decrypt(stored, id, accountId, TokenCipher.Field.ACCESS_TOKEN));
    assertFalse(rotated.isCurrent(stored));
    assertTrue(
        rotated
            .encrypt("x", id, accountId, TokenCipher.Field.ACCESS_TOKEN)
            .startsWith("v2." + rotated.currentKeyId() + "."));
    assertThrows(
        TokenCipher.Undecryptable.class,
        () ->
            TokenCipher.of(newKey, List.of())
                .decrypt(stored, id, accountId, TokenCipher.Field.ACCESS_TOKEN));
  }

  @Test
  void theSandboxKeyFileIsReadableByItsOwnerOnly() throws Exception {
    Path file = settings.dataDir().resolve("token-encryption.key");
    if (settings.encryptionKeys().current().isEmpty()) {
      assertEquals(
          "rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(file)));
    }
  }

  /** A value as the first version wrote it: associated data "v1|key id|row id|field". */
  private static String writtenByV1(
      byte[] key, String plaintext, String rowId, TokenCipher.Field field) throws Exception {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(
        javax.crypto.Cipher.ENCRYPT_MODE,
        new javax.crypto.spec.SecretKeySpec(key, "AES"),
        new javax.crypto.spec.GCMParameterSpec(128, nonce));
    String keyId = TokenCipher.keyId(key);
    aes.updateAAD(
        ("v1|" + keyId + "|" + rowId + "|" + field.name())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] sealed = aes.doFinal(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] out =
        java.nio.ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    return "v1." + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  private String[] storedTokens(long accountId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, access_token, refresh_token FROM livestorm_connection WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet row = s.executeQuery()) {
        assertTrue(row.next());
        return new String[] {row.getString(1), row.getString(2), row.getString(3)};
      }
    }
  }

  /**
   * A row in the first format (no account in the associated data) still reads, shows on /admin, and
   * the admin's re-encryption pass rewrites it in the current format; a key rotation's pass moves
   * every row to the new key, after which /admin shows none left under the retired one.
   */
  @Test
  void theReencryptionPassRewritesOldFormatAndRetiredKeyRowsAndAdminShowsWhatIsLeft()
      throws Exception {
    ConnectFlow flow = user("reencrypt");
    flow.connect("events:read");
    long accountId = accountId(flow);
    TokenSet tokens = store.load(accountId).orElseThrow();
    byte[] runningKey = settings.encryptionKeys().current().orElseGet(() -> sandboxKey());
    String runningId = TokenCipher.keyId(runningKey);
    String id = storedTokens(accountId)[0];
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE livestorm_connection SET access_token = ?, refresh_token = ? WHERE id = ?")) {
      s.setString(
          1,
          writtenByV1(
              runningKey, tokens.accessToken().getValue(), id, TokenCipher.Field.ACCESS_TOKEN));
      s.setString(
          2,
          writtenByV1(
              runningKey, tokens.refreshToken().getValue(), id, TokenCipher.Field.REFRESH_TOKEN));
      s.setString(3, id);
      assertEquals(1, s.executeUpdate());
    }
    assertEquals(
        tokens.accessToken(), store.load(accountId).orElseThrow().accessToken(), "v1 still reads");
    assertTrue(
        reencryption
            .status()
            .stale()
            .contains(new TokenReencryption.Stale("v1", runningId, true, 1)),
        reencryption.status().toString());

    new Browser(settings.appBaseUrl()).signUp("it-admin", ConnectFlow.PASSWORD);
    Browser admin = new Browser(settings.appBaseUrl());
    admin.get("/login");
    admin.post("/login", Map.of("username", "it-admin", "password", ConnectFlow.PASSWORD));
    String page = admin.get("/admin").body();
    assertTrue(page.contains("the old format (v1, account not bound), key " + runningId), page);
    assertEquals(
        403,
        admin.post("/admin", Map.of("action", "reencrypt", "_csrf", "forged")).statusCode(),
        "CSRF");
    HttpResponse<String> ran = admin.post("/admin", Map.of("action", "reencrypt"));
    assertEquals(303, ran.statusCode(), ran.body());
    assertTrue(location(ran).contains("reencrypted=1&failed=0"), location(ran));
    String[] rewritten = storedTokens(accountId);
    assertTrue(
        rewritten[1].startsWith("v2." + runningId + ".")
            && rewritten[2].startsWith("v2." + runningId + "."));
    assertEquals(tokens.refreshToken(), store.load(accountId).orElseThrow().refreshToken());
    assertTrue(
        admin.get("/admin").body().contains("Every connection uses the current key and format"));

    byte[] newKey = new byte[32];
    new SecureRandom().nextBytes(newKey);
    TokenCipher rotated = TokenCipher.of(newKey, List.of(runningKey));
    TokenReencryption.Status before = reencryption.status(rotated);
    assertEquals(
        before.rows(),
        before.stale().stream()
            .filter(st -> st.keyId().equals(runningId))
            .findFirst()
            .orElseThrow()
            .rows());
    try {
      TokenReencryption.Pass pass = reencryption.run(rotated);
      assertEquals(before.rows(), pass.reencrypted());
      assertEquals(0, pass.failed());
      assertTrue(
          reencryption.status(rotated).stale().isEmpty(), "nothing left under the retired key");
      assertTrue(storedTokens(accountId)[1].startsWith("v2." + rotated.currentKeyId() + "."));
      assertEquals(
          tokens.accessToken().getValue(),
          rotated.decrypt(
              storedTokens(accountId)[1], id, accountId, TokenCipher.Field.ACCESS_TOKEN));
    } finally {
      // Back to the key the server runs with, for the other tests.
      reencryption.run(TokenCipher.of(runningKey, List.of(newKey)));
    }
    assertTrue(reencryption.status().stale().isEmpty());
    assertEquals(tokens.accessToken(), store.load(accountId).orElseThrow().accessToken());
  }

  private byte[] sandboxKey() {
    try {
      return Base64.getDecoder()
          .decode(Files.readString(settings.dataDir().resolve("token-encryption.key")).strip());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> events(long accountId) {
    List<String> kinds = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT kind FROM connection_event WHERE account_id = ? ORDER BY id")) {
      s.setLong(1, accountId);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          kinds.add(rows.getString(1));
        }
      }
      return kinds;
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private long count(String sql, long accountId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, accountId);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void theConnectionPageShowsQuotaCountersAndHistory() {
    ConnectFlow flow = user("history");
    flow.connect("identity:read", "events:read");
    String page = flow.browser.get("/connection").body();
    assertTrue(page.contains("Connected"), page);
    assertTrue(page.contains("connected with scope"), page);
    // The /me lookup at connect time went through the API client, which read the quota headers.
    assertTrue(
        page.matches("(?s).*class=\"quota\">[0-9,.\u202f\u00a0]+ of [0-9,.\u202f\u00a0]+<.*"),
        page);
    assertTrue(page.matches("(?s).*class=\"num calls\">[1-9][0-9]*<.*"), page);
    assertTrue(flow.browser.get("/dashboard").body().contains("href=\"/connection\""));
  }

  @Test
  void administratorsSeeEveryConnectionAndTheCallMetricsOthersDoNot() {
    ConnectFlow flow = user("listed");
    flow.connect("identity:read", "events:read");
    String connectionId = store.find(accountId(flow)).orElseThrow().id();
    assertEquals(403, flow.browser.get("/admin/connections").statusCode());
    assertEquals(403, flow.browser.get("/admin/metrics").statusCode());
    assertEquals(403, flow.browser.get("/metrics").statusCode());

    com.livestormconnect.Browser admin = new com.livestormconnect.Browser(settings.appBaseUrl());
    admin.signUp("it-admin", ConnectFlow.PASSWORD);
    admin.get("/login");
    admin.post(
        "/login", java.util.Map.of("username", "it-admin", "password", ConnectFlow.PASSWORD));
    String connections = admin.get("/admin/connections").body();
    assertTrue(connections.contains(connectionId), connections);
    var metricsPage = admin.get("/admin/metrics");
    assertEquals(200, metricsPage.statusCode());
    assertTrue(metricsPage.body().contains(connectionId), metricsPage.body());
    var json = admin.get("/admin/metrics.json");
    assertEquals(200, json.statusCode());
    assertTrue(json.body().startsWith("{\"total\":{\"calls\":"), json.body());
    assertFalse(
        json.body().contains(store.load(accountId(flow)).orElseThrow().accessToken().getValue()));
  }

  private PrometheusText scrape() {
    HttpResponse<String> response =
        new com.livestormconnect.Browser(settings.appBaseUrl())
            .get(
                "/metrics",
                "Authorization",
                "Bearer " + settings.operations().metricsToken().orElseThrow());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("text/plain; version=0.0.4"));
    return PrometheusText.parse(response.body());
  }

  @Test
  void prometheusScrapesTheCallMetricsWithTheTokenAndTheyMoveAfterCalls() {
    com.livestormconnect.Browser anonymous =
        new com.livestormconnect.Browser(settings.appBaseUrl());
    HttpResponse<String> refused = anonymous.get("/metrics");
    assertEquals(401, refused.statusCode());
    assertEquals(
        "Bearer realm=\"metrics\"", refused.headers().firstValue("WWW-Authenticate").orElse(null));
    assertEquals(
        401,
        anonymous
            .get("/metrics", "Authorization", "Bearer not-the-scrape-token-at-all")
            .statusCode());
    assertEquals(
        401,
        anonymous
            .get(
                "/metrics",
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("x:" + settings.operations().metricsToken().orElseThrow()).getBytes()))
            .statusCode());

    // The first account of a fresh database is an administrator: make sure it is not the plain
    // user.
    com.livestormconnect.Browser admin = new com.livestormconnect.Browser(settings.appBaseUrl());
    admin.signUp("it-admin", ConnectFlow.PASSWORD);
    PrometheusText before = scrape();
    ConnectFlow flow = user("scraped");
    flow.connect("identity:read", "events:read");
    assertEquals(403, flow.browser.get("/metrics").statusCode(), "a plain user, signed in");
    SandboxControl sandbox = new SandboxControl(settings.appBaseUrl());
    // refresh=1: each load calls Livestorm (no recent answer), so each fault is used up here.
    sandbox.queueFaults(429, 1, 1);
    assertEquals(200, flow.browser.get("/events?refresh=1").statusCode());
    sandbox.queueFaults(401, 1);
    assertEquals(200, flow.browser.get("/events?refresh=1").statusCode());
    PrometheusText after = scrape();

    assertTrue(
        after.value("livestorm_calls_total") >= before.value("livestorm_calls_total") + 4,
        before.value("livestorm_calls_total") + " -> " + after.value("livestorm_calls_total"));
    assertTrue(
        after.value("livestorm_rate_limited_total")
            >= before.value("livestorm_rate_limited_total") + 1);
    assertTrue(
        after.value("livestorm_retries_total") >= before.value("livestorm_retries_total") + 2);
    assertTrue(
        after.value("livestorm_token_refreshes_total")
            >= before.value("livestorm_token_refreshes_total") + 1);
    assertTrue(
        after.value("livestorm_permit_wait_seconds_count")
            >= before.value("livestorm_permit_wait_seconds_count") + 4);
    assertTrue(
        after.value("livestorm_permit_wait_seconds_sum")
            > before.value("livestorm_permit_wait_seconds_sum"));
    assertTrue(
        after.value("livestorm_monthly_quota_remaining", "aggregate", "min") > 0,
        "the sandbox sends quota headers");
    after.value("livestorm_connect_export_jobs", "state", "running");
    assertTrue(after.value("jvm_memory_used_bytes", "area", "heap") > 0);

    // Bounded labels: nothing names a connection, a user or a token.
    String connectionId = store.find(accountId(flow)).orElseThrow().id();
    String accessToken = store.load(accountId(flow)).orElseThrow().accessToken().getValue();
    for (PrometheusText.Sample s : after.samples()) {
      for (String value : s.labels().values()) {
        assertFalse(
            value.contains(connectionId)
                || value.contains(flow.username)
                || value.contains(accessToken),
            s.toString());
      }
    }

    admin.get("/login");
    admin.post(
        "/login", java.util.Map.of("username", "it-admin", "password", ConnectFlow.PASSWORD));
    HttpResponse<String> asAdmin =
        admin.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
    assertEquals(200, asAdmin.statusCode());
    assertTrue(
        asAdmin
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/openmetrics-text"));
    assertTrue(asAdmin.body().endsWith("# EOF\n"));
  }
}
