package com.livestormconnect.token;

/** Who the tokens act for on Livestorm's side, as {@code GET /me} reported it. */
public record LivestormIdentity(String userId, String organizationId) {
  public static final LivestormIdentity UNKNOWN = new LivestormIdentity(null, null);
}
