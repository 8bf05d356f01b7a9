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
import java.net.ConnectException;
import java.net.UnknownHostException;
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
  static final String ANSWER_LOST = "refresh answer lost";

  /**
   * What one rotation attempt came to. Each outcome is returned, not thrown, so that the
   * transaction commits what it recorded: the new tokens, the refusal (needs reconnecting) or the
   * failure in the audit trail. Only a connection that is gone ({@link TokenUnavailable}) or an
   * unexpected exception rolls back, and then nothing had been written.
   */
  sealed interface Result permits Rotated, Refused, Failed {}

  record Rotated(FreshToken token, boolean byUs) implements Result {}

  record Refused(String connectionId, String cause) implements Result {}

  record Failed(String connectionId, String cause) implements Result {}

  @PersistenceContext EntityManager em;

  @Inject TokenCipher cipher;

  @Inject AuthorizationServer server;

  @Inject LivestormSettings settings;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  Result rotate(long accountId, String staleAccessToken) {
    LivestormConnection connection =
        em.createNamedQuery("LivestormConnection.byAccount", LivestormConnection.class)
            .setParameter("accountId", accountId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new TokenUnavailable(TokenUnavailable.Reason.NOT_CONNECTED, "not connected"));
    if (connection.status() == ConnectionStatus.NEEDS_RECONNECT) {
      return new Refused(connection.id(), "the connection already needs reconnecting");
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
      response =
          server.send(
              new TokenRequest(
                  settings.tokenUrl(),
                  server.clientAuthentication(),
                  new RefreshTokenGrant(current.refreshToken())));
    } catch (ConnectException | UnknownHostException e) {
      return failed(
          connection, "token endpoint unreachable (" + e.getClass().getSimpleName() + ")");
    } catch (IOException e) {
      // Sent, but the answer never came: Livestorm may have rotated the refresh token already.
      // Not repeated now; the next call tries the old refresh token once (Doorkeeper keeps it
      // until the new access token is used, if it runs with previous_refresh_token).
      return failed(
          connection,
          ANSWER_LOST
              + " ("
              + e.getClass().getSimpleName()
              + "): Livestorm may already have rotated the refresh token");
    } catch (ParseException e) {
      // A cut-short or garbled answer: it may well have carried the rotated tokens.
      return failed(
          connection,
          ANSWER_LOST
              + " (unreadable answer): Livestorm may already have"
              + " rotated the refresh token");
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      String cause =
          "token endpoint refused the refresh: "
              + error.getCode()
              + " (HTTP "
              + error.getHTTPStatusCode()
              + ")";
      if (!OAuth2Error.INVALID_GRANT.getCode().equals(error.getCode())) {
        return failed(connection, cause);
      }
      return refused(
          connection,
          afterLostAnswer(connection)
              ? "Livestorm refused the refresh token after a refresh whose answer was lost: it had"
                  + " rotated the tokens then, and the new ones never reached us; connect again"
              : cause);
    }
    TokenSet rotated = TokenSet.from(response.toSuccessResponse(), current.scope(), sent);
    connection.refreshed(rotated, cipher, clock.instant());
    record(connection, Kind.REFRESHED, "access token refreshed");
    em.flush();
    return new Rotated(fresh(connection, rotated), true);
  }

  /** Whether the connection's last recorded event is a refresh whose answer was lost. */
  private boolean afterLostAnswer(LivestormConnection connection) {
    return em.createNamedQuery("ConnectionEvent.ofAccount", ConnectionEvent.class)
        .setParameter("accountId", connection.accountId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .filter(
            e ->
                e.getKind() == Kind.REFRESH_FAILED
                    && e.getCause() != null
                    && e.getCause().startsWith(ANSWER_LOST))
        .isPresent();
  }

  private Refused refused(LivestormConnection connection, String cause) {
    connection.needsReconnect(clock.instant());
    record(connection, Kind.NEEDS_RECONNECT, cause);
    em.flush();
    LOG.warning(() -> "Connection " + connection.id() + " needs reconnecting: " + cause);
    return new Refused(connection.id(), cause);
  }

  /** The row is left as it was (tokens untouched); only the audit trail records the failure. */
  private Failed failed(LivestormConnection connection, String cause) {
    record(connection, Kind.REFRESH_FAILED, cause);
    LOG.warning(() -> "Refresh of connection " + connection.id() + " failed: " + cause);
    return new Failed(connection.id(), cause);
  }

  private void record(LivestormConnection connection, Kind kind, String cause) {
    em.persist(
        new ConnectionEvent(connection.id(), connection.accountId(), clock.instant(), kind, cause));
  }

  static FreshToken fresh(LivestormConnection connection, TokenSet tokens) {
    return new FreshToken(connection.id(), tokens.accessToken().getValue(), tokens.expiresAt());
  }
}
