package com.livestormconnect.token;

import java.time.Instant;

/**
 * What pages may show about a connection: everything except the tokens. {@code requestedScopes} is
 * what the user chose (null for connections made before it was kept), {@code grantedScopes} what
 * Livestorm granted, which may be more.
 */
public record ConnectionSummary(
    String id,
    long accountId,
    String livestormUserId,
    String livestormOrganizationId,
    String grantedScopes,
    String requestedScopes,
    Instant accessExpiresAt,
    Instant lastRefreshedAt,
    ConnectionStatus status,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public boolean needsReconnect() {
    return status == ConnectionStatus.NEEDS_RECONNECT;
  }
}
