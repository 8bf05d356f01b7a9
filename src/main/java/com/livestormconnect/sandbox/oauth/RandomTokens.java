package com.livestormconnect.sandbox.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque, unguessable values for codes, tokens and consent forms (256 bits, base64url). */
final class RandomTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomTokens() {}

  static String next() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
