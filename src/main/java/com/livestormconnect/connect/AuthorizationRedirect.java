package com.livestormconnect.connect;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.livestorm.ScopeSelection;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;

/**
 * Starts an authorization: a fresh state and PKCE verifier (S256, RFC 9700 §2.1.1), remembered in
 * the user's session, and the authorization URL to send the browser to (authorization-code flow
 * only, response type {@code code}).
 */
@ApplicationScoped
public class AuthorizationRedirect {
  @Inject LivestormSettings settings;

  @Inject Clock clock;

  public URI start(ScopeSelection selection, long accountId, PendingAuthorizations pending) {
    State state = new State();
    // 32 random bytes, base64url: 43 characters, 256 bits (RFC 7636 §4.1, §7.1).
    CodeVerifier verifier = new CodeVerifier();
    AuthorizationRequest request =
        new AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), settings.clientId())
            .endpointURI(settings.authorizeUrl())
            .redirectionURI(settings.redirectUri())
            .scope(selection.toScope())
            .state(state)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build();
    pending.add(
        new PendingAuthorization(
            state,
            verifier,
            selection.toScope(),
            accountId,
            expectedIssuer(settings),
            clock.instant()));
    return request.toURI();
  }

  /**
   * Livestorm publishes no issuer identifier; we take the authorization server's base URL, i.e. the
   * authorize URL without {@code /oauth/authorize} ({@code https://app.livestorm.co}).
   */
  static Issuer expectedIssuer(LivestormSettings settings) {
    String authorize = settings.authorizeUrl().toString();
    String suffix = "/oauth/authorize";
    return new Issuer(
        authorize.endsWith(suffix)
            ? authorize.substring(0, authorize.length() - suffix.length())
            : authorize);
  }
}
