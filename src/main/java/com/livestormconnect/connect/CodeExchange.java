package com.livestormconnect.connect;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.token.AuthorizationServer;
import com.livestormconnect.token.TokenSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Exchanges an authorization code for tokens (RFC 6749 §4.1.3): the same redirect URI as in the
 * authorization request, and the PKCE verifier (RFC 7636 §4.5). Failures are sorted by meaning (RFC
 * 6749 §5.2) into messages for the user; the log gets the error code, never the code or the
 * answer's body.
 */
@ApplicationScoped
public class CodeExchange {
  private static final Logger LOG = Logger.getLogger(CodeExchange.class.getName());

  @Inject LivestormSettings settings;

  @Inject AuthorizationServer server;

  @Inject Clock clock;

  /** The exchange failed; {@code messageKey} says why in the user's words. */
  public static class Failure extends Exception {
    private final String messageKey;
    private final String errorCode;

    Failure(String messageKey, String errorCode) {
      super(messageKey + (errorCode == null ? "" : " (" + errorCode + ")"));
      this.messageKey = messageKey;
      this.errorCode = errorCode;
    }

    public String messageKey() {
      return messageKey;
    }

    /** The OAuth error code, safe to show; null when there was none. */
    public String errorCode() {
      return errorCode;
    }
  }

  public TokenSet exchange(AuthorizationCode code, PendingAuthorization pending) throws Failure {
    TokenRequest request =
        new TokenRequest(
            settings.tokenUrl(),
            server.clientAuthentication(),
            new AuthorizationCodeGrant(code, settings.redirectUri(), pending.verifier()));
    TokenResponse response;
    try {
      response = server.send(request);
    } catch (SocketTimeoutException e) {
      LOG.warning(
          () -> "Token endpoint did not answer in time (account " + pending.accountId() + ")");
      throw new Failure("connect.token.timeout", null);
    } catch (ConnectException | UnknownHostException e) {
      LOG.warning(() -> "Token endpoint unreachable: " + e.getClass().getSimpleName());
      throw new Failure("connect.token.unreachable", null);
    } catch (IOException e) {
      LOG.warning(() -> "Token request failed: " + e.getClass().getSimpleName());
      throw new Failure("connect.token.unreachable", null);
    } catch (ParseException e) {
      // The body may echo anything; only the fact is logged.
      LOG.warning("Token endpoint answered with something that is not an OAuth token response");
      throw new Failure("connect.token.unreadable", null);
    }
    if (!response.indicatesSuccess()) {
      throw failure(response.toErrorResponse().getErrorObject(), pending.accountId());
    }
    return TokenSet.from(response.toSuccessResponse(), pending.scope(), clock.instant());
  }

  private static Failure failure(ErrorObject error, long accountId) {
    String code = error.getCode();
    Level level = OAuth2Error.INVALID_CLIENT.getCode().equals(code) ? Level.SEVERE : Level.WARNING;
    LOG.log(
        level,
        "Token endpoint refused the code of account {0}: {1} (HTTP {2})",
        new Object[] {accountId, code, error.getHTTPStatusCode()});
    if (code == null) {
      return new Failure("connect.token.unreadable", null);
    }
    String key =
        switch (code) {
          case "invalid_grant" -> "connect.token.invalidGrant";
          case "invalid_client", "unauthorized_client" -> "connect.token.invalidClient";
          case "temporarily_unavailable", "server_error" -> "connect.token.unavailable";
          default -> "connect.token.rejected";
        };
    return new Failure(key, ErrorObject.isLegal(code) ? code : null);
  }
}
