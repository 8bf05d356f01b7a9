package com.livestormconnect.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The operators' scrape credential ({@code Authorization: Bearer <METRICS_TOKEN>}), accepted where
 * an administrator's session is: {@code /metrics} and the details of {@code /health/ready}.
 */
public final class MetricsToken {
  private MetricsToken() {}

  /**
   * Whether the header carries the configured token. Both sides are hashed first, so the comparison
   * takes the same time whatever the token's length and however much of it matches.
   */
  public static boolean matches(String authorization, Optional<String> token) {
    if (token.isEmpty()
        || authorization == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(sha256(authorization.substring(7).strip()), sha256(token.get()));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
