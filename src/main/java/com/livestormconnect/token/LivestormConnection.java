package com.livestormconnect.token;

import com.livestormconnect.token.TokenCipher.Field;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One account's Livestorm connection: encrypted tokens plus what the pages show. The id is made
 * here, before insert, because it is part of the ciphertexts' associated data. Every change of
 * tokens goes through one method that rewrites all token fields together, and {@code version}
 * (optimistic locking) makes a concurrent writer fail instead of silently overwriting.
 */
@Entity
@Table(name = "livestorm_connection")
@NamedQuery(
    name = "LivestormConnection.all",
    query = "SELECT c FROM LivestormConnection c ORDER BY c.createdAt")
@NamedQuery(
    name = "LivestormConnection.byAccount",
    query = "SELECT c FROM LivestormConnection c WHERE c.accountId = :accountId")
public class LivestormConnection {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "account_id", nullable = false, unique = true)
  private long accountId;

  @Column(name = "livestorm_user_id", length = 64)
  private String livestormUserId;

  @Column(name = "livestorm_organization_id", length = 64)
  private String livestormOrganizationId;

  @Column(name = "granted_scopes", nullable = false, length = 500)
  private String grantedScopes;

  @Column(name = "requested_scopes", length = 500)
  private String requestedScopes;

  @Column(name = "access_token", nullable = false, length = 8000)
  private String accessTokenCiphertext;

  @Column(name = "refresh_token", length = 8000)
  private String refreshTokenCiphertext;

  @Column(name = "access_expires_at")
  private Instant accessExpiresAt;

  @Column(name = "token_issued_at")
  private Instant tokenIssuedAt;

  @Column(name = "token_received_at")
  private Instant tokenReceivedAt;

  @Column(name = "last_refreshed_at")
  private Instant lastRefreshedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ConnectionStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(nullable = false)
  private long version;

  protected LivestormConnection() {}

  LivestormConnection(String id, long accountId, Instant now) {
    this.id = id;
    this.accountId = accountId;
    this.createdAt = now;
  }

  /**
   * Replaces the tokens after a new authorization, which the user asked for with {@code requested}:
   * the connection is usable again.
   */
  void authorized(
      Scope requested,
      TokenSet tokens,
      LivestormIdentity identity,
      TokenCipher cipher,
      Instant now) {
    writeTokens(tokens, cipher, now);
    requestedScopes = requested == null ? null : requested.toString();
    livestormUserId = identity.userId();
    livestormOrganizationId = identity.organizationId();
    lastRefreshedAt = null;
  }

  /**
   * Stores refreshed tokens. A response without a refresh token keeps the old one (RFC 6749 §6).
   */
  void refreshed(TokenSet tokens, TokenCipher cipher, Instant now) {
    String keptRefresh = refreshTokenCiphertext;
    writeTokens(tokens, cipher, now);
    if (tokens.refreshToken() == null && keptRefresh != null) {
      refreshTokenCiphertext = rewritten(keptRefresh, Field.REFRESH_TOKEN, cipher);
    }
    lastRefreshedAt = now;
  }

  void needsReconnect(Instant now) {
    status = ConnectionStatus.NEEDS_RECONNECT;
    updatedAt = now;
  }

  private void writeTokens(TokenSet tokens, TokenCipher cipher, Instant now) {
    accessTokenCiphertext =
        cipher.encrypt(tokens.accessToken().getValue(), id, accountId, Field.ACCESS_TOKEN);
    refreshTokenCiphertext =
        tokens.refreshToken() == null
            ? null
            : cipher.encrypt(tokens.refreshToken().getValue(), id, accountId, Field.REFRESH_TOKEN);
    grantedScopes = tokens.scope().toString();
    accessExpiresAt = tokens.expiresAt();
    tokenIssuedAt = tokens.issuedAt();
    tokenReceivedAt = now;
    status = ConnectionStatus.CONNECTED;
    updatedAt = now;
  }

  TokenSet tokens(TokenCipher cipher) {
    BearerAccessToken access =
        new BearerAccessToken(
            cipher.decrypt(accessTokenCiphertext, id, accountId, Field.ACCESS_TOKEN));
    RefreshToken refresh =
        refreshTokenCiphertext == null
            ? null
            : new RefreshToken(
                cipher.decrypt(refreshTokenCiphertext, id, accountId, Field.REFRESH_TOKEN));
    return new TokenSet(
        access, refresh, Scope.parse(grantedScopes), accessExpiresAt, tokenIssuedAt);
  }

  ConnectionSummary summary() {
    return new ConnectionSummary(
        id,
        accountId,
        livestormUserId,
        livestormOrganizationId,
        grantedScopes,
        requestedScopes,
        accessExpiresAt,
        lastRefreshedAt,
        status,
        createdAt,
        updatedAt,
        version);
  }

  /** The access token's lifetime as granted (expires_in), or null when it has no expiry. */
  java.time.Duration accessLifetime() {
    return accessExpiresAt == null || tokenReceivedAt == null
        ? null
        : java.time.Duration.between(tokenReceivedAt, accessExpiresAt);
  }

  /**
   * Rewrites both token values with the cipher's current key and format, the tokens unchanged;
   * false when both were current already. Only {@link TokenReencryption} calls it, holding the row
   * lock, so that no refresh can happen between the read and the write.
   */
  boolean reencrypt(TokenCipher cipher, Instant now) {
    boolean stale =
        !cipher.isCurrent(accessTokenCiphertext)
            || (refreshTokenCiphertext != null && !cipher.isCurrent(refreshTokenCiphertext));
    if (!stale) {
      return false;
    }
    accessTokenCiphertext = rewritten(accessTokenCiphertext, Field.ACCESS_TOKEN, cipher);
    if (refreshTokenCiphertext != null) {
      refreshTokenCiphertext = rewritten(refreshTokenCiphertext, Field.REFRESH_TOKEN, cipher);
    }
    updatedAt = now;
    return true;
  }

  /** The same token value, encrypted again with the cipher's current key and format. */
  private String rewritten(String stored, Field field, TokenCipher cipher) {
    return cipher.encrypt(cipher.decrypt(stored, id, accountId, field), id, accountId, field);
  }

  ConnectionStatus status() {
    return status;
  }

  String id() {
    return id;
  }

  long accountId() {
    return accountId;
  }

  @Override
  public String toString() {
    return "LivestormConnection[id="
        + id
        + ", accountId="
        + accountId
        + ", status="
        + status
        + ", version="
        + version
        + ", tokens=<encrypted>]";
  }
}
