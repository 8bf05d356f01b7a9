package com.livestormconnect.token;

import java.time.Instant;

/** What pages may show about a connection: everything except the tokens. */
public record ConnectionSummary(
    String id,
    long accountId,
    String livestormUserId,
    String livestormOrganizationId,
    String grantedScopes,
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
