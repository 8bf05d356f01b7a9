package com.livestormconnect.config;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Keys for tokens at rest: the current key encrypts, retired keys (TOKEN_ENCRYPTION_RETIRED_KEYS)
 * still decrypt values written before a rotation. Key material never appears in toString.
 */
public record EncryptionKeys(Optional<byte[]> current, List<byte[]> retired) {
  public static final int KEY_BYTES = 32;

  static EncryptionKeys read(Environment env) {
    Optional<byte[]> current =
        env.secret("TOKEN_ENCRYPTION_KEY").map(value -> decode(env, "TOKEN_ENCRYPTION_KEY", value));
    List<byte[]> retired =
        env.secret("TOKEN_ENCRYPTION_RETIRED_KEYS").stream()
            .flatMap(list -> Arrays.stream(list.split("[,\\s]+")))
            .filter(s -> !s.isBlank())
            .map(value -> decode(env, "TOKEN_ENCRYPTION_RETIRED_KEYS", value))
            .toList();
    return new EncryptionKeys(current, retired);
  }

  private static byte[] decode(Environment env, String name, String value) {
    try {
      byte[] key = Base64.getDecoder().decode(value);
      if (key.length != KEY_BYTES) {
        env.problem(name, "must be the base64 of exactly 32 bytes, got " + key.length + " bytes");
      }
      return key;
    } catch (IllegalArgumentException e) {
      env.problem(name, "is not valid base64 (generate one with: openssl rand -base64 32)");
      return new byte[0];
    }
  }

  @Override
  public String toString() {
    return "EncryptionKeys[current="
        + (current.isPresent() ? "<set>" : "<none>")
        + ", retired="
        + retired.size()
        + "]";
  }
}
