package com.livestormconnect.token;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.token.ConnectionEvent.Kind;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * One refresh-token rotation (RFC 6749 §6), done while holding the connection's row lock so that,
 * across threads and nodes, exactly one rotation happens per stale access token: whoever gets the
 * lock second finds the token already replaced and uses the new one. The new tokens are committed
 * before anyone can use them, because Livestorm (Doorkeeper) rotates refresh tokens and a lost
 * rotation would disconnect the user.
 */
@ApplicationScoped
public class TokenRotation {
  private static final Logger LOG = Logger.getLogger(TokenRotation.class.getName());

  /** What one rotation attempt came to. The transaction commits in every case. */
  sealed interface Result permits Rotated, Refused, Failed {}

  record Rotated(FreshToken token, boolean byUs) implements Result {}

  record Refused(String cause) implements Result {}

  record Failed(String cause) implements Result {}

  @PersistenceContext
  EntityManager em;

  @Inject
  TokenCipher cipher;

  @Inject
  AuthorizationServer server;

  @Inject
  LivestormSettings settings;

  @Inject
  Clock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  Result rotate(long accountId, String staleAccessToken) {
    LivestormConnection connection = em
        .createNamedQuery("LivestormConnection.byAccount", LivestormConnection.class)
        .setParameter("accountId", accountId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new TokenUnavailable(TokenUnavailable.Reason.NOT_CONNECTED, "not connected"));
    if (connection.status() == ConnectionStatus.NEEDS_RECONNECT) {
      return new Refused("the connection already needs reconnecting");
    }
    TokenSet current = connection.tokens(cipher);
    if (!current.accessToken().getValue().equals(staleAccessToken)) {
      return new Rotated(fresh(connection, current), false);
    }
    if (current.refreshToken() == null) {
      return refused(connection, "Livestorm issued no refresh token");
    }
    TokenResponse response;
    Instant sent = clock.instant();
    try {
      response = server.send(new TokenRequest(settings.tokenUrl(), server.clientAuthentication(),
          new RefreshTokenGrant(current.refreshToken())));
    } catch (IOException e) {
      return failed(connection, "token endpoint unreachable (" + e.getClass().getSimpleName() + ")");
    } catch (ParseException e) {
      return failed(connection, "token endpoint answered something that is not a token response");
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      String cause = "token endpoint refused the refresh: " + error.getCode()
          + " (HTTP " + error.getHTTPStatusCode() + ")";
      return OAuth2Error.INVALID_GRANT.getCode().equals(error.getCode())
          ? refused(connection, cause)
          : failed(connection, cause);
    }
    TokenSet rotated = TokenSet.from(response.toSuccessResponse(), current.scope(), sent);
    connection.refreshed(rotated, cipher, clock.instant());
    record(connection, Kind.REFRESHED, "access token refreshed");
    em.flush();
    return new Rotated(fresh(connection, rotated), true);
  }

  private Refused refused(LivestormConnection connection, String cause) {
    connection.needsReconnect(clock.instant());
    record(connection, Kind.NEEDS_RECONNECT, cause);
    em.flush();
    LOG.warning(() -> "Connection " + connection.id() + " needs reconnecting: " + cause);
    return new Refused(cause);
  }

  /** The row is left as it was (tokens untouched); only the audit trail records the failure. */
  private Failed failed(LivestormConnection connection, String cause) {
    record(connection, Kind.REFRESH_FAILED, cause);
    LOG.warning(() -> "Refresh of connection " + connection.id() + " failed: " + cause);
    return new Failed(cause);
  }

  private void record(LivestormConnection connection, Kind kind, String cause) {
    em.persist(new ConnectionEvent(connection.id(), connection.accountId(), clock.instant(), kind, cause));
  }

  static FreshToken fresh(LivestormConnection connection, TokenSet tokens) {
    return new FreshToken(connection.id(), tokens.accessToken().getValue(), tokens.expiresAt());
  }
}
