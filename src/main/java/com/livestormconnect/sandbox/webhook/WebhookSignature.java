package com.livestormconnect.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Livestorm's {@code x-livestorm-signature} header: {@code <unix seconds>,<hex>} where the hex is
 * the plain SHA-256 (not an HMAC) of the timestamp's digits, the secret and the body's bytes,
 * concatenated in that order, as a production receiver checks it.
 */
public final class WebhookSignature {
  public static final String HEADER = "x-livestorm-signature";

  private WebhookSignature() {}

  public static String header(long unixSeconds, String secret, byte[] body) {
    return unixSeconds + "," + hex(unixSeconds, secret, body);
  }

  static String hex(long unixSeconds, String secret, byte[] body) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(Long.toString(unixSeconds).getBytes(StandardCharsets.US_ASCII));
      sha256.update(secret.getBytes(StandardCharsets.UTF_8));
      sha256.update(body);
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
