package com.livestormconnect.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Livestorm's webhook signature, {@code x-livestorm-signature: <unix seconds>,<hex>}, where the hex
 * is SHA-256 of the timestamp, the secret and the raw body bytes concatenated (plain SHA-256, not
 * HMAC). The digest is computed over the bytes as received, never over re-serialised JSON, and
 * compared in constant time so that the answer's timing says nothing about how much of a forged
 * signature was right. A timestamp more than {@link #TOLERANCE} away from now refuses replays.
 */
final class Signature {
  static final String HEADER = "x-livestorm-signature";

  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final int DIGEST_BYTES = 32;

  /** Why a delivery was or was not accepted. */
  enum Verdict {
    VALID,
    MISSING,
    MALFORMED,
    STALE,
    WRONG
  }

  private final byte[] secret;

  Signature(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  Verdict check(String header, byte[] body, Instant now) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    int comma = header.indexOf(',');
    if (comma <= 0 || comma > 12) {
      return Verdict.MALFORMED;
    }
    String seconds = header.substring(0, comma).trim();
    long timestamp;
    byte[] given;
    try {
      timestamp = Long.parseLong(seconds);
      String hex = header.substring(comma + 1).trim();
      if (hex.length() != DIGEST_BYTES * 2) {
        return Verdict.MALFORMED;
      }
      given = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return Verdict.MALFORMED;
    }
    long skew = Math.abs(now.getEpochSecond() - timestamp);
    if (skew > TOLERANCE.toSeconds()) {
      return Verdict.STALE;
    }
    return equalInConstantTime(digest(seconds, body), given) ? Verdict.VALID : Verdict.WRONG;
  }

  /** The header Livestorm would send for {@code body} at {@code at}; for tests and the sandbox. */
  String sign(byte[] body, Instant at) {
    String seconds = Long.toString(at.getEpochSecond());
    return seconds + "," + HexFormat.of().formatHex(digest(seconds, body));
  }

  private byte[] digest(String seconds, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(seconds.getBytes(StandardCharsets.US_ASCII));
      sha.update(secret);
      sha.update(body);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Whether both arrays hold the same bytes, in a time that depends only on their lengths (never on
   * where they first differ): {@link MessageDigest#isEqual} looks at every byte.
   */
  static boolean equalInConstantTime(byte[] expected, byte[] given) {
    return MessageDigest.isEqual(expected, given);
  }
}
