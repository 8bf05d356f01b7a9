package com.livestormconnect.connect;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * An authorization we sent a user to Livestorm for and have not seen come back yet. It stays on the
 * server, in the user's session: the code verifier never leaves it (RFC 7636 §4.1).
 *
 * @param expectedIssuer checked against {@code iss} when the callback carries one (RFC 9207)
 */
public record PendingAuthorization(
    State state,
    CodeVerifier verifier,
    Scope scope,
    long accountId,
    Issuer expectedIssuer,
    Instant createdAt)
    implements Serializable {

  /** As long as Livestorm's (Doorkeeper's) authorization codes live. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  public boolean isExpired(Instant now) {
    return !now.isBefore(createdAt.plus(LIFETIME));
  }

  @Override
  public String toString() {
    return "PendingAuthorization[state=<redacted>, verifier=<redacted>, scope="
        + scope
        + ", accountId="
        + accountId
        + ", createdAt="
        + createdAt
        + "]";
  }
}
