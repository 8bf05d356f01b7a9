package com.livestormconnect.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for tokens at rest (OWASP Cryptographic Storage). A stored value reads {@code v2.<key
 * id>.<base64url(nonce || ciphertext+tag)>}: the key id lets a value written before a key rotation
 * be decrypted with the retired key, while every new value uses the current key.
 *
 * <p>The associated data binds a value to its row, its account and its field, so a ciphertext
 * copied into another connection or another account's row, or an access token swapped with a
 * refresh token, fails authentication instead of decrypting. Values written before the account was
 * bound ({@code v1.}, associated data without the account) still decrypt, and count as not current
 * so that {@link TokenReencryption} rewrites them.
 */
public final class TokenCipher {
  private static final String FORMAT = "v2";

  /** The first format: associated data of key id, row id and field, without the account. */
  private static final String FORMAT_V1 = "v1";

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Which token a value holds; part of the associated data. */
  public enum Field {
    ACCESS_TOKEN,
    REFRESH_TOKEN
  }

  /** The value cannot be decrypted: unknown key id, wrong row or field, or tampered with. */
  public static class Undecryptable extends RuntimeException {
    public Undecryptable(String why) {
      super(why);
    }
  }

  private final String currentKeyId;
  private final Map<String, SecretKey> keys;

  private TokenCipher(String currentKeyId, Map<String, SecretKey> keys) {
    this.currentKeyId = currentKeyId;
    this.keys = Map.copyOf(keys);
  }

  /** A cipher that encrypts with {@code current} and still decrypts with any retired key. */
  public static TokenCipher of(byte[] current, List<byte[]> retired) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (byte[] key : retired) {
      keys.put(keyId(key), aesKey(key));
    }
    String currentId = keyId(current);
    keys.put(currentId, aesKey(current));
    return new TokenCipher(currentId, keys);
  }

  /**
   * A short, stable name for a key, derived from it so that operators never have to assign one. 48
   * bits of a domain-separated SHA-256 reveal nothing useful about a 256-bit random key.
   */
  public static String keyId(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("livestorm-connect token key id".getBytes(StandardCharsets.US_ASCII));
      byte[] digest = sha.digest(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  /** Whether {@code keyId} is the current key or a retired one this cipher still reads. */
  public boolean knows(String keyId) {
    return keys.containsKey(keyId);
  }

  public String encrypt(String plaintext, String rowId, long accountId, Field field) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      aes.updateAAD(associatedData(FORMAT, currentKeyId, rowId, accountId, field));
      byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return FORMAT
          + "."
          + currentKeyId
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName());
    }
  }

  public String decrypt(String stored, String rowId, long accountId, Field field) {
    String[] parts = stored == null ? new String[0] : stored.split("\\.", -1);
    if (parts.length != 3 || !(FORMAT.equals(parts[0]) || FORMAT_V1.equals(parts[0]))) {
      throw new Undecryptable("not a token ciphertext of a known format");
    }
    SecretKey key = keys.get(parts[1]);
    if (key == null) {
      throw new Undecryptable(
          "written with key "
              + parts[1]
              + ", which is neither the current"
              + " key nor a retired one (TOKEN_ENCRYPTION_RETIRED_KEYS)");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(parts[2]);
      if (in.length <= NONCE_BYTES) {
        throw new Undecryptable("ciphertext too short");
      }
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      aes.updateAAD(associatedData(parts[0], parts[1], rowId, accountId, field));
      byte[] plain = aes.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Undecryptable("ciphertext is not base64url");
    } catch (GeneralSecurityException e) {
      // AEADBadTagException: modified, or moved from another row or field.
      throw new Undecryptable("authentication failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * True when the value was written in the current format with the current key; otherwise the
   * re-encryption pass (or the next save) rewrites it.
   */
  public boolean isCurrent(String stored) {
    return stored != null && stored.startsWith(currentPrefix());
  }

  /** How every current value starts: {@code v2.<current key id>.} */
  public String currentPrefix() {
    return FORMAT + "." + currentKeyId + ".";
  }

  /**
   * What a stored value was written with, for the operator: {@code v2.<key id>} or {@code v1.<key
   * id>} (the format before the account was bound); "unknown" for anything else.
   */
  public static String writtenWith(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\.", 3);
    boolean known =
        parts.length == 3
            && (FORMAT.equals(parts[0]) || FORMAT_V1.equals(parts[0]))
            && parts[1].matches("[A-Za-z0-9_-]{8}");
    return known ? parts[0] + "." + parts[1] : "unknown";
  }

  private static byte[] associatedData(
      String format, String keyId, String rowId, long accountId, Field field) {
    String data =
        FORMAT_V1.equals(format)
            ? FORMAT_V1 + "|" + keyId + "|" + rowId + "|" + field.name()
            : format + "|" + keyId + "|" + rowId + "|" + accountId + "|" + field.name();
    return data.getBytes(StandardCharsets.UTF_8);
  }

  private static SecretKey aesKey(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("an AES-256 key has 32 bytes, got " + key.length);
    }
    return new SecretKeySpec(key, "AES");
  }

  @Override
  public String toString() {
    return "TokenCipher[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
  }
}
