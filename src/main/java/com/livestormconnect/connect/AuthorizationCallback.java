package com.livestormconnect.connect;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.livestorm.Access;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.LivestormScope;
import com.livestormconnect.livestorm.User;
import com.livestormconnect.token.FreshToken;
import com.livestormconnect.token.LivestormIdentity;
import com.livestormconnect.token.TokenSet;
import com.livestormconnect.token.TokenStore;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Handles Livestorm's redirect back to us (RFC 6749 §4.1.2). The state is checked before anything
 * else, error callbacks included (RFC 9700 §4.7.1); only a callback that matches one of this user's
 * pending authorizations leads to a token request, and only a complete token response leads to a
 * stored connection.
 */
@ApplicationScoped
public class AuthorizationCallback {
  private static final Logger LOG = Logger.getLogger(AuthorizationCallback.class.getName());

  @Inject LivestormSettings settings;

  @Inject CodeExchange exchange;

  @Inject LivestormClient client;

  @Inject TokenStore store;

  @Inject Clock clock;

  public CallbackOutcome complete(
      Map<String, List<String>> parameters,
      long accountId,
      PendingAuthorizations pendingAuthorizations) {
    String state = MultivaluedMapUtils.getFirstValue(parameters, "state");
    PendingAuthorizations.Claim claim =
        pendingAuthorizations.claim(state, accountId, clock.instant());
    if (!claim.isValid()) {
      LOG.warning(() -> "Callback refused for account " + accountId + ": state " + claim.problem());
      return CallbackOutcome.problem(400, claim.problem().messageKey());
    }
    PendingAuthorization pending = claim.pending();
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(settings.redirectUri(), parameters);
    } catch (ParseException e) {
      return CallbackOutcome.problem(400, "connect.callback.malformed");
    }
    if (response.getIssuer() != null && !response.getIssuer().equals(pending.expectedIssuer())) {
      LOG.warning(() -> "Callback refused for account " + accountId + ": unexpected iss");
      return CallbackOutcome.problem(400, "connect.callback.issuer");
    }
    if (!response.indicatesSuccess()) {
      return refused(response.toErrorResponse());
    }
    TokenSet tokens;
    try {
      tokens = exchange.exchange(response.toSuccessResponse().getAuthorizationCode(), pending);
    } catch (CodeExchange.Failure e) {
      return CallbackOutcome.problem(502, e.messageKey(), e.errorCode(), null);
    }
    String connectionId = store.connectionIdFor(accountId);
    // A grant broader than asked is kept as granted, but used only as far as the user chose.
    LivestormIdentity identity =
        LivestormScope.allowsMe(tokens.scope()) && LivestormScope.allowsMe(pending.scope())
            ? identify(accountId, connectionId, tokens)
            : LivestormIdentity.UNKNOWN;
    store.save(accountId, connectionId, pending.scope(), tokens, identity);
    LOG.info(() -> "Account " + accountId + " connected Livestorm with scope " + tokens.scope());
    return CallbackOutcome.connectedNow();
  }

  /**
   * Who the tokens act for, asked with the tokens just issued (not read back from the store),
   * through the API client like every other call, so rate-limited and metered under the connection.
   * Not knowing it is no reason to refuse the connection.
   */
  private LivestormIdentity identify(long accountId, String connectionId, TokenSet tokens) {
    try {
      User me =
          client.me(
              Access.granted(
                  accountId,
                  new FreshToken(
                      connectionId, tokens.accessToken().getValue(), tokens.expiresAt())));
      return new LivestormIdentity(me.id(), me.organizationId());
    } catch (LivestormException e) {
      LOG.warning(
          () ->
              "Connecting account "
                  + accountId
                  + " without its Livestorm identity: "
                  + e.kind()
                  + " on "
                  + e.endpoint());
      return LivestormIdentity.UNKNOWN;
    } catch (RuntimeException e) {
      // The tokens are not stored yet: nothing unexpected here may cost the user the connection.
      LOG.warning(
          () ->
              "Connecting account "
                  + accountId
                  + " without its Livestorm identity: "
                  + e.getClass().getSimpleName());
      return LivestormIdentity.UNKNOWN;
    }
  }

  /** Livestorm (or the user) said no (RFC 6749 §4.1.2.1): explain, never retry by ourselves. */
  private static CallbackOutcome refused(AuthorizationErrorResponse response) {
    ErrorObject error = response.getErrorObject();
    String code = error.getCode();
    String key =
        switch (code == null ? "" : code) {
          case "access_denied" -> "connect.callback.denied";
          case "invalid_scope" -> "connect.callback.invalidScope";
          case "server_error", "temporarily_unavailable" -> "connect.callback.unavailable";
          default -> "connect.callback.error";
        };
    int status =
        switch (key) {
          case "connect.callback.denied" -> 200;
          case "connect.callback.unavailable" -> 503;
          default -> 400;
        };
    return CallbackOutcome.problem(
        status, key, ErrorObject.isLegal(code) ? code : null, error.getDescription());
  }
}
