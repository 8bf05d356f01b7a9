package com.livestormconnect.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.token.AuthorizationServer;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.livestormconnect.webhook.SubscriptionKeeper;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Disconnecting against a scripted revocation endpoint, with an in-memory stand-in for the store.
 */
class DisconnectionTest {
  private HttpServer server;
  private final List<Map<String, List<String>>> revocations = new ArrayList<>();
  private final List<String> deleted = new ArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private Optional<URI> endpoint(int... statuses) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/oauth/revoke",
        exchange -> {
          revocations.add(
              URLUtils.parseParameters(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          int status = statuses[Math.min(revocations.size() - 1, statuses.length - 1)];
          byte[] body =
              (status == 200 ? "{}" : "{\"error\":\"temporarily_unavailable\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return Optional.of(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/revoke"));
  }

  private Disconnection disconnection(Optional<URI> revokeUrl, boolean readable) {
    LivestormSettings settings =
        new LivestormSettings(
            new ClientID("client-1"),
            new Secret("s3cret"),
            ClientAuthenticationMethod.CLIENT_SECRET_POST,
            URI.create("http://127.0.0.1/oauth/authorize"),
            URI.create("http://127.0.0.1/oauth/token"),
            revokeUrl,
            URI.create("http://127.0.0.1/api/v1"),
            URI.create("http://127.0.0.1/connect/callback"),
            new Scope("events:read"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ZERO,
            5);
    Disconnection disconnection = new Disconnection();
    disconnection.settings = settings;
    disconnection.server = AuthorizationServer.of(settings);
    disconnection.webhooks =
        new SubscriptionKeeper() {
          @Override
          public void removeAtLivestorm(long accountId) {}
        };
    disconnection.store =
        new TokenStore() {
          @Override
          public <R> Optional<R> delete(
              long accountId, Function<Optional<TokenSet>, R> revoke, Function<R, String> cause) {
            Optional<TokenSet> tokens =
                readable
                    ? Optional.of(
                        new TokenSet(
                            new BearerAccessToken("AT-1"),
                            new RefreshToken("RT-1"),
                            new Scope("events:read"),
                            null,
                            null))
                    : Optional.empty();
            R outcome = revoke.apply(tokens);
            deleted.add(cause.apply(outcome));
            return Optional.of(outcome);
          }
        };
    return disconnection;
  }

  @Test
  void revokesTheRefreshTokenWithItsHintAndClientAuthenticationThenDeletes() throws Exception {
    Disconnection.Result result = disconnection(endpoint(200), true).disconnect(1);
    assertEquals(Disconnection.Result.DISCONNECTED, result);
    Map<String, List<String>> first = revocations.get(0);
    assertEquals(List.of("RT-1"), first.get("token"));
    assertEquals(List.of("refresh_token"), first.get("token_type_hint"));
    assertEquals(List.of("client-1"), first.get("client_id"));
    assertEquals(List.of("s3cret"), first.get("client_secret"));
    assertEquals(List.of("AT-1"), revocations.get(1).get("token"));
    assertEquals(1, deleted.size());
  }

  @Test
  void aFailedRevocationIsReportedButTheTokensAreStillDeleted() throws Exception {
    assertEquals(
        Disconnection.Result.REVOCATION_FAILED, disconnection(endpoint(503), true).disconnect(1));
    assertEquals(1, deleted.size());
    assertTrue(deleted.get(0).contains("failed"));
  }

  @Test
  void anUnreachableRevocationEndpointStillDeletesTheTokens() {
    Optional<URI> nowhere = Optional.of(URI.create("http://127.0.0.1:9/oauth/revoke"));
    assertEquals(
        Disconnection.Result.REVOCATION_FAILED, disconnection(nowhere, true).disconnect(1));
    assertEquals(1, deleted.size());
  }

  @Test
  void withoutARevocationEndpointTheTokensAreDeletedAndTheResultSaysLivestormWasNotTold() {
    assertEquals(
        Disconnection.Result.NOT_REVOKED, disconnection(Optional.empty(), true).disconnect(1));
    assertEquals(1, deleted.size());
    assertTrue(deleted.get(0).contains("not told"), deleted.get(0));
    assertFalse(deleted.get(0).contains("revoked"));
  }

  @Test
  void unreadableTokensAreDeletedAndReportedAsNotRevoked() throws Exception {
    assertEquals(
        Disconnection.Result.REVOCATION_FAILED, disconnection(endpoint(200), false).disconnect(1));
    assertTrue(revocations.isEmpty());
    assertEquals(1, deleted.size());
  }

  @Test
  void whenTheRefreshTokenCannotBeRevokedTheAccessTokenStillIsAndThePageSaysWhich()
      throws Exception {
    Disconnection.Result result = disconnection(endpoint(503, 200), true).disconnect(1);
    assertEquals(Disconnection.Result.REFRESH_TOKEN_NOT_REVOKED, result);
    assertEquals(2, revocations.size());
    assertEquals(List.of("RT-1"), revocations.get(0).get("token"));
    assertEquals(
        List.of("AT-1"), revocations.get(1).get("token"), "the access token is revoked anyway");
    assertEquals(List.of("access_token"), revocations.get(1).get("token_type_hint"));
    assertEquals(1, deleted.size());
    assertTrue(deleted.get(0).contains("refresh token"), deleted.get(0));
  }

  @Test
  void whenOnlyTheAccessTokenCannotBeRevokedThePageSaysSo() throws Exception {
    assertEquals(
        Disconnection.Result.ACCESS_TOKEN_NOT_REVOKED,
        disconnection(endpoint(200, 503), true).disconnect(1));
    assertEquals(2, revocations.size());
    assertEquals(1, deleted.size());
  }

  @Test
  void whenNeitherCanBeRevokedBothWereTriedAndTheTokensAreDeleted() throws Exception {
    assertEquals(
        Disconnection.Result.REVOCATION_FAILED,
        disconnection(endpoint(503, 503), true).disconnect(1));
    assertEquals(2, revocations.size());
    assertEquals(1, deleted.size());
  }
}
