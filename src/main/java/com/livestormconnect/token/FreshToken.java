package com.livestormconnect.token;

import java.time.Instant;

/**
 * An access token that may be used now, with the connection it belongs to. Redacted in toString.
 */
public record FreshToken(String connectionId, String accessToken, Instant expiresAt) {
  @Override
  public String toString() {
    return "FreshToken[connection="
        + connectionId
        + ", accessToken=<redacted>, expiresAt="
        + expiresAt
        + "]";
  }
}
