package com.livestormconnect.connect;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.token.AuthorizationServer;
import com.livestormconnect.token.TokenCipher;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.Token;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Disconnects an account: revokes its grant at Livestorm when a revocation endpoint is configured
 * (RFC 7009), then deletes our copies of the tokens whatever the revocation's outcome (RFC 7009
 * §2.2.1; OWASP), so a failure there never leaves tokens behind here.
 */
@ApplicationScoped
public class Disconnection {
  private static final Logger LOG = Logger.getLogger(Disconnection.class.getName());

  @Inject
  LivestormSettings settings;

  @Inject
  AuthorizationServer server;

  @Inject
  TokenStore store;

  /** What the user is told. */
  public enum Result {
    DISCONNECTED,
    /** Deleted here, but Livestorm may still consider the grant valid. */
    REVOCATION_FAILED,
    NOT_CONNECTED
  }

  public Result disconnect(long accountId) {
    Optional<TokenSet> tokens;
    try {
      tokens = store.load(accountId);
    } catch (TokenCipher.Undecryptable e) {
      // Unreadable (lost key): nothing to revoke with, but the row must still go.
      LOG.warning(() -> "Account " + accountId + ": stored tokens unreadable (" + e.getMessage() + ")");
      return store.delete(accountId, "disconnected; tokens unreadable, not revoked").isPresent()
          ? Result.REVOCATION_FAILED : Result.NOT_CONNECTED;
    }
    if (tokens.isEmpty()) {
      return Result.NOT_CONNECTED;
    }
    boolean revoked = true;
    try {
      revoked = settings.revokeUrl().map(url -> revoke(url, tokens.get(), accountId)).orElse(true);
    } finally {
      String cause = settings.revokeUrl().isEmpty() ? "disconnected; no revocation endpoint configured"
          : revoked ? "disconnected; grant revoked at Livestorm"
          : "disconnected; revocation at Livestorm failed";
      store.delete(accountId, cause);
    }
    return revoked ? Result.DISCONNECTED : Result.REVOCATION_FAILED;
  }

  /**
   * Revokes the refresh token first (token_type_hint refresh_token), which ends the whole grant at
   * Doorkeeper, then the access token, in case the server keeps them apart. A server that does not
   * revoke one kind ({@code unsupported_token_type}) is fine as long as the other kind was revoked.
   */
  private boolean revoke(URI url, TokenSet tokens, long accountId) {
    List<Token> toRevoke = new ArrayList<>();
    if (tokens.refreshToken() != null) {
      toRevoke.add(tokens.refreshToken());
    }
    toRevoke.add(tokens.accessToken());
    boolean anyRevoked = false;
    for (Token token : toRevoke) {
      Revoked outcome = revokeOne(url, token, accountId);
      if (outcome == Revoked.FAILED) {
        return false;
      }
      anyRevoked |= outcome == Revoked.YES;
    }
    return anyRevoked;
  }

  private enum Revoked { YES, UNSUPPORTED, FAILED }

  private Revoked revokeOne(URI url, Token token, long accountId) {
    String kind = token.getClass().getSimpleName();
    try {
      HTTPResponse response = server.send(new TokenRevocationRequest(url, server.clientAuthentication(), token));
      // RFC 7009 §2.2: 200 also when the token was already invalid.
      if (response.getStatusCode() == 200) {
        return Revoked.YES;
      }
      String code = ErrorObject.parse(response).getCode();
      if ("unsupported_token_type".equals(code)) {
        return Revoked.UNSUPPORTED;
      }
      LOG.warning(() -> "Revoking the " + kind + " of account " + accountId + " failed: HTTP "
          + response.getStatusCode() + (code == null || !ErrorObject.isLegal(code) ? "" : " " + code));
      return Revoked.FAILED;
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "Revoking the " + kind + " of account " + accountId + " failed: "
          + e.getClass().getSimpleName());
      return Revoked.FAILED;
    }
  }
}
