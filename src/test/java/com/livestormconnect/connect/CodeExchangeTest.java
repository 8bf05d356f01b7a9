package com.livestormconnect.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.token.AuthorizationServer;
import com.livestormconnect.token.TokenSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The code exchange against a scripted token endpoint on 127.0.0.1. */
class CodeExchangeTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String SECRET = "client-secret-value";

  private HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicReference<String> query = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private final PendingAuthorization pending =
      new PendingAuthorization(
          new State(),
          new CodeVerifier(),
          new Scope("identity:read", "events:read"),
          7,
          new Issuer("http://127.0.0.1"),
          NOW);

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI answer(int status, String contentType, String response, long delayMillis)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/oauth/token",
        exchange -> {
          body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          query.set(exchange.getRequestURI().getRawQuery());
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token");
  }

  private static CodeExchange exchange(URI tokenUrl, ClientAuthenticationMethod method) {
    LivestormSettings settings =
        new LivestormSettings(
            new ClientID("client-1"),
            new Secret(SECRET),
            method,
            URI.create("http://127.0.0.1/oauth/authorize"),
            tokenUrl,
            Optional.empty(),
            URI.create("http://127.0.0.1/api/v1"),
            URI.create("https://partner.example/connect/callback"),
            new Scope("events:read"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ZERO,
            5);
    CodeExchange exchange = new CodeExchange();
    exchange.settings = settings;
    exchange.server = AuthorizationServer.of(settings);
    exchange.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return exchange;
  }

  private static String json(String scope) {
    return "{\"access_token\":\"AT-1\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
        + "\"refresh_token\":\"RT-1\""
        + (scope == null ? "" : ",\"scope\":\"" + scope + "\"")
        + ",\"created_at\":1700000000}";
  }

  @Test
  void sendsTheCodeVerifierAndRedirectUriWithTheSecretInTheBodyByDefault() throws Exception {
    URI url = answer(200, "application/json; charset=utf-8", json("events:read"), 0);
    TokenSet tokens =
        exchange(url, ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .exchange(new AuthorizationCode("the-code"), pending);
    Map<String, List<String>> form = URLUtils.parseParameters(body.get());
    assertEquals(List.of("authorization_code"), form.get("grant_type"));
    assertEquals(List.of("the-code"), form.get("code"));
    assertEquals(List.of("https://partner.example/connect/callback"), form.get("redirect_uri"));
    assertEquals(List.of(pending.verifier().getValue()), form.get("code_verifier"));
    assertEquals(List.of(SECRET), form.get("client_secret"));
    assertNull(query.get(), "nothing in the URL");
    assertNull(authorization.get());
    assertEquals(
        new Scope("events:read"), tokens.scope(), "the granted scope, not the requested one");
    assertEquals(NOW.plusSeconds(7200), tokens.expiresAt());
    assertEquals(Instant.ofEpochSecond(1700000000), tokens.issuedAt());
  }

  @Test
  void usesHttpBasicWhenConfigured() throws Exception {
    URI url = answer(200, "application/json", json(null), 0);
    TokenSet tokens =
        exchange(url, ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .exchange(new AuthorizationCode("the-code"), pending);
    assertTrue(authorization.get().startsWith("Basic "));
    assertFalse(body.get().contains(SECRET));
    assertEquals(pending.scope(), tokens.scope(), "no scope in the answer: what was asked");
  }

  private String failure(int status, String contentType, String response, long delay)
      throws Exception {
    URI url = answer(status, contentType, response, delay);
    CodeExchange.Failure failure =
        assertThrows(
            CodeExchange.Failure.class,
            () ->
                exchange(url, ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .exchange(new AuthorizationCode("the-code"), pending));
    assertFalse(failure.getMessage().contains("the-code"));
    assertFalse(failure.getMessage().contains(SECRET));
    return failure.messageKey();
  }

  @Test
  void invalidGrantMeansStartAgain() throws Exception {
    assertEquals(
        "connect.token.invalidGrant",
        failure(
            400,
            "application/json",
            "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid\"}",
            0));
  }

  @Test
  void invalidClientIsAConfigurationProblem() throws Exception {
    assertEquals(
        "connect.token.invalidClient",
        failure(401, "application/json", "{\"error\":\"invalid_client\"}", 0));
  }

  @Test
  void anHtmlAnswerIsUnreadable() throws Exception {
    assertEquals(
        "connect.token.unreadable", failure(200, "text/html", "<html>Maintenance</html>", 0));
  }

  @Test
  void anHtmlErrorPageIsUnreadable() throws Exception {
    assertEquals(
        "connect.token.unreadable", failure(502, "text/html", "<html>Bad gateway</html>", 0));
  }

  @Test
  void aSlowServerTimesOut() throws Exception {
    assertEquals("connect.token.timeout", failure(200, "application/json", json(null), 1500));
  }

  @Test
  void aRefusedConnectionSaysUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port + "/oauth/token");
    CodeExchange.Failure failure =
        assertThrows(
            CodeExchange.Failure.class,
            () ->
                exchange(url, ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .exchange(new AuthorizationCode("the-code"), pending));
    assertEquals("connect.token.unreachable", failure.messageKey());
  }
}
