package com.livestormconnect.token;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.time.Instant;
import java.util.Objects;

/**
 * The tokens of one grant as the app uses them, decrypted. Nimbus tokens print their value from
 * toString, so this record redacts them.
 *
 * @param accessToken the bearer access token
 * @param refreshToken the refresh token, or null when the server issued none
 * @param scope what was granted: the response's {@code scope}, or what was asked when it is absent
 *     (RFC 6749 §5.1)
 * @param expiresAt when the access token expires by our clock: receipt time + {@code expires_in};
 *     null when the server gave no lifetime
 * @param issuedAt Livestorm's non-standard {@code created_at}, for diagnosing clock skew only; null
 *     when absent
 */
public record TokenSet(
    AccessToken accessToken,
    RefreshToken refreshToken,
    Scope scope,
    Instant expiresAt,
    Instant issuedAt) {

  public TokenSet {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(scope, "scope");
  }

  /**
   * Reads a successful token response. The expiry is computed against our own clock at receipt,
   * because the server's clock ({@code created_at}) may be off.
   */
  public static TokenSet from(AccessTokenResponse response, Scope requested, Instant receivedAt) {
    AccessToken access = response.getTokens().getAccessToken();
    Scope granted =
        access.getScope() != null && !access.getScope().isEmpty() ? access.getScope() : requested;
    long lifetime = access.getLifetime();
    Instant expiresAt = lifetime > 0 ? receivedAt.plusSeconds(lifetime) : null;
    Object createdAt = response.getCustomParameters().get("created_at");
    Instant issuedAt = createdAt instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
    return new TokenSet(
        access, response.getTokens().getRefreshToken(), granted, expiresAt, issuedAt);
  }

  @Override
  public String toString() {
    return "TokenSet[accessToken=<redacted>, refreshToken="
        + (refreshToken == null ? "<none>" : "<redacted>")
        + ", scope="
        + scope
        + ", expiresAt="
        + expiresAt
        + ", issuedAt="
        + issuedAt
        + "]";
  }
}
