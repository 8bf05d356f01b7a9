package com.livestormconnect.sandbox.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * RFC 7636 verification as Doorkeeper does it. Hand-written rather than Nimbus's CodeChallenge:
 * Nimbus refuses verifiers outside 43-128 characters, while Doorkeeper just compares, and the
 * sandbox must answer what Livestorm would (invalid_grant), not throw.
 */
public final class Pkce {
  public static final String S256 = "S256";
  public static final String PLAIN = "plain";

  private Pkce() {}

  public static boolean supports(String method) {
    return S256.equals(method) || PLAIN.equals(method);
  }

  /** True when the verifier matches; a grant without a challenge only passes without a verifier. */
  public static boolean verifies(String challenge, String method, String verifier) {
    if (challenge == null) {
      return verifier == null;
    }
    if (verifier == null) {
      return false;
    }
    String expected = S256.equals(method) ? s256(verifier) : verifier;
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        challenge.getBytes(StandardCharsets.US_ASCII));
  }

  static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
