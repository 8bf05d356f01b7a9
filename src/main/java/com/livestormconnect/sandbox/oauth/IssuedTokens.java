package com.livestormconnect.sandbox.oauth;

import com.livestormconnect.sandbox.SandboxClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Access and refresh tokens, one row per pair as in Doorkeeper's oauth_access_tokens, with its
 * "revoke previous refresh token on use" rotation: a refreshed row remembers the refresh token it
 * replaced, and that older row is revoked when the new access token is first used.
 */
@ApplicationScoped
public class IssuedTokens {

  /** One issued pair. {@code previousRefreshToken} is null once the rotation has completed. */
  public record Row(
      String accessToken,
      String refreshToken,
      String clientId,
      List<String> scopes,
      Instant createdAt,
      long expiresIn,
      String previousRefreshToken,
      boolean revoked) {

    boolean expiredAt(Instant now) {
      return !now.isBefore(createdAt.plusSeconds(expiresIn));
    }

    Row revoke() {
      return new Row(accessToken, refreshToken, clientId, scopes, createdAt, expiresIn, null, true);
    }

    Row rotated() {
      return new Row(
          accessToken, refreshToken, clientId, scopes, createdAt, expiresIn, null, revoked);
    }
  }

  /** Why a bearer token was refused, with Doorkeeper's words for it. */
  public enum Refusal {
    INVALID("The access token is invalid"),
    EXPIRED("The access token expired"),
    REVOKED("The access token was revoked");

    public final String description;

    Refusal(String description) {
      this.description = description;
    }
  }

  /** The outcome of authenticating a bearer token: the row, or why not. */
  public record Authentication(Row row, Refusal refusal) {
    public boolean valid() {
      return row != null;
    }
  }

  @Inject SandboxClock clock;

  private final Map<String, Row> byAccess = new HashMap<>();
  private final Map<String, String> accessByRefresh = new HashMap<>();

  public synchronized Row issue(
      String clientId, List<String> scopes, long expiresIn, String previousRefreshToken) {
    Row row =
        new Row(
            RandomTokens.next(),
            RandomTokens.next(),
            clientId,
            List.copyOf(scopes),
            clock.now(),
            expiresIn,
            previousRefreshToken,
            false);
    byAccess.put(row.accessToken(), row);
    accessByRefresh.put(row.refreshToken(), row.accessToken());
    return row;
  }

  public synchronized Optional<Row> byRefreshToken(String refreshToken) {
    String access = refreshToken == null ? null : accessByRefresh.get(refreshToken);
    return Optional.ofNullable(access == null ? null : byAccess.get(access));
  }

  public synchronized Optional<Row> byAccessToken(String accessToken) {
    return Optional.ofNullable(accessToken == null ? null : byAccess.get(accessToken));
  }

  /**
   * Checks a bearer token for an API call. The first successful use of a refreshed token revokes
   * the row it replaced, so its refresh token can no longer be used.
   */
  public synchronized Authentication authenticate(String accessToken) {
    Row row = accessToken == null ? null : byAccess.get(accessToken);
    if (row == null) {
      return new Authentication(null, Refusal.INVALID);
    }
    if (row.revoked()) {
      return new Authentication(null, Refusal.REVOKED);
    }
    if (row.expiredAt(clock.now())) {
      return new Authentication(null, Refusal.EXPIRED);
    }
    if (row.previousRefreshToken() != null) {
      byRefreshToken(row.previousRefreshToken()).ifPresent(this::revoke);
      row = row.rotated();
      byAccess.put(row.accessToken(), row);
    }
    return new Authentication(row, null);
  }

  /** Revokes the whole row (access and refresh token live together, as in Doorkeeper). */
  public synchronized void revoke(Row row) {
    byAccess.computeIfPresent(row.accessToken(), (k, current) -> current.revoke());
  }

  /** The current state of a row, which may have been revoked since it was read. */
  public synchronized Row current(Row row) {
    return byAccess.get(row.accessToken());
  }
}
