package com.livestormconnect.connect;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.token.AuthorizationServer;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.livestormconnect.webhook.SubscriptionKeeper;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.Token;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Disconnects an account: revokes its grant at Livestorm (RFC 7009) unless revocation is turned
 * off, then deletes our copies of the tokens whatever the revocation's outcome (RFC 7009 §2.2.1;
 * OWASP), so a failure there never leaves tokens behind here. The tokens revoked are the ones the
 * row holds under its lock, so a refresh racing the disconnection cannot leave a new token alive.
 * The result says what really happened at Livestorm, including that nothing was sent.
 */
@ApplicationScoped
public class Disconnection {
  private static final Logger LOG = Logger.getLogger(Disconnection.class.getName());

  @Inject LivestormSettings settings;

  @Inject AuthorizationServer server;

  @Inject TokenStore store;

  @Inject SubscriptionKeeper webhooks;

  /** What the user is told. */
  public enum Result {
    DISCONNECTED,
    /** Deleted here; no revocation endpoint is configured, so Livestorm was told nothing. */
    NOT_REVOKED,
    /** Deleted here, but Livestorm may still consider the grant valid. */
    REVOCATION_FAILED,
    /** Deleted here and the access token revoked, but the refresh token could not be revoked. */
    REFRESH_TOKEN_NOT_REVOKED,
    /** Deleted here and the refresh token revoked, but the access token could not be revoked. */
    ACCESS_TOKEN_NOT_REVOKED,
    NOT_CONNECTED
  }

  public Result disconnect(long accountId) {
    // The app's webhook subscriptions are deleted at Livestorm while the tokens still work.
    webhooks.removeAtLivestorm(accountId);
    return store
        .delete(accountId, tokens -> revoke(tokens, accountId), Disconnection::cause)
        .orElse(Result.NOT_CONNECTED);
  }

  private Result revoke(Optional<TokenSet> tokens, long accountId) {
    Optional<URI> url = settings.revokeUrl();
    if (url.isEmpty()) {
      return Result.NOT_REVOKED;
    }
    // Unreadable (lost key): nothing to revoke with, but the row must still go.
    return tokens.map(t -> revoke(url.get(), t, accountId)).orElse(Result.REVOCATION_FAILED);
  }

  private static String cause(Result result) {
    return switch (result) {
      case DISCONNECTED -> "disconnected; grant revoked at Livestorm";
      case NOT_REVOKED -> "disconnected; no revocation endpoint configured, Livestorm not told";
      case REFRESH_TOKEN_NOT_REVOKED ->
          "disconnected; revocation of the refresh token at Livestorm failed, access token revoked";
      case ACCESS_TOKEN_NOT_REVOKED ->
          "disconnected; refresh token revoked at Livestorm, revocation of the access token failed";
      default -> "disconnected; revocation at Livestorm failed or tokens unreadable";
    };
  }

  /**
   * Revokes the refresh token first (token_type_hint refresh_token), which ends the whole grant at
   * Doorkeeper, then the access token, in case the server keeps them apart; the access token is
   * revoked even when the refresh token could not be, so that a failure there leaves as little
   * alive as possible. A server that does not revoke one kind ({@code unsupported_token_type}) is
   * fine as long as the other kind was revoked.
   */
  private Result revoke(URI url, TokenSet tokens, long accountId) {
    Revoked refresh =
        tokens.refreshToken() == null
            ? Revoked.UNSUPPORTED
            : revokeOne(url, tokens.refreshToken(), accountId);
    Revoked access = revokeOne(url, tokens.accessToken(), accountId);
    if (refresh == Revoked.FAILED && access == Revoked.YES) {
      return Result.REFRESH_TOKEN_NOT_REVOKED;
    }
    if (access == Revoked.FAILED && refresh == Revoked.YES) {
      return Result.ACCESS_TOKEN_NOT_REVOKED;
    }
    boolean anyFailed = refresh == Revoked.FAILED || access == Revoked.FAILED;
    boolean anyRevoked = refresh == Revoked.YES || access == Revoked.YES;
    return anyRevoked && !anyFailed ? Result.DISCONNECTED : Result.REVOCATION_FAILED;
  }

  private enum Revoked {
    YES,
    UNSUPPORTED,
    FAILED
  }

  private Revoked revokeOne(URI url, Token token, long accountId) {
    String kind = token.getClass().getSimpleName();
    try {
      HTTPResponse response =
          server.send(new TokenRevocationRequest(url, server.clientAuthentication(), token));
      // RFC 7009 §2.2: 200 also when the token was already invalid.
      if (response.getStatusCode() == 200) {
        return Revoked.YES;
      }
      String code = ErrorObject.parse(response).getCode();
      if ("unsupported_token_type".equals(code)) {
        return Revoked.UNSUPPORTED;
      }
      LOG.warning(
          () ->
              "Revoking the "
                  + kind
                  + " of account "
                  + accountId
                  + " failed: HTTP "
                  + response.getStatusCode()
                  + (code == null || !ErrorObject.isLegal(code) ? "" : " " + code));
      return Revoked.FAILED;
    } catch (IOException | RuntimeException e) {
      LOG.warning(
          () ->
              "Revoking the "
                  + kind
                  + " of account "
                  + accountId
                  + " failed: "
                  + e.getClass().getSimpleName());
      return Revoked.FAILED;
    }
  }
}
