package com.livestormconnect.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.token.TokenCipher.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
  private static final String TOKEN = "at-7f3c9a0e-secret-access-token";
  private static final long ACCOUNT = 42;
  private final String row = UUID.randomUUID().toString();

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Test
  void roundTripsAndNeverContainsThePlaintext() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, ACCOUNT, Field.ACCESS_TOKEN);
    assertTrue(stored.startsWith("v2." + cipher.currentKeyId() + "."), stored);
    assertFalse(stored.contains(TOKEN));
    assertEquals(TOKEN, cipher.decrypt(stored, row, ACCOUNT, Field.ACCESS_TOKEN));
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    assertNotEquals(
        cipher.encrypt(TOKEN, row, ACCOUNT, Field.ACCESS_TOKEN),
        cipher.encrypt(TOKEN, row, ACCOUNT, Field.ACCESS_TOKEN));
  }

  @Test
  void aTamperedCiphertextIsRefused() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, ACCOUNT, Field.ACCESS_TOKEN);
    String[] parts = stored.split("\\.");
    byte[] body = Base64.getUrlDecoder().decode(parts[2]);
    body[body.length / 2] ^= 1;
    String tampered =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(tampered, row, ACCOUNT, Field.ACCESS_TOKEN));
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt("v2." + parts[1] + ".!!", row, ACCOUNT, Field.ACCESS_TOKEN));
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt("plaintext", row, ACCOUNT, Field.ACCESS_TOKEN));
  }

  @Test
  void aCiphertextMovedToAnotherRowIsRefused() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, ACCOUNT, Field.ACCESS_TOKEN);
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(stored, UUID.randomUUID().toString(), ACCOUNT, Field.ACCESS_TOKEN));
  }

  @Test
  void accessAndRefreshCiphertextsCannotBeSwapped() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, ACCOUNT, Field.ACCESS_TOKEN);
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(stored, row, ACCOUNT, Field.REFRESH_TOKEN));
  }

  @Test
  void aValueWrittenUnderARetiredKeyStillDecryptsAndNewWritesUseTheNewKey() {
    byte[] oldKey = key();
    byte[] newKey = key();
    TokenCipher before = TokenCipher.of(oldKey, List.of());
    String old = before.encrypt(TOKEN, row, ACCOUNT, Field.REFRESH_TOKEN);

    TokenCipher after = TokenCipher.of(newKey, List.of(oldKey));
    assertEquals(TOKEN, after.decrypt(old, row, ACCOUNT, Field.REFRESH_TOKEN));
    assertFalse(after.isCurrent(old), "old values are recognised for re-encryption");
    String rewritten = after.encrypt(TOKEN, row, ACCOUNT, Field.REFRESH_TOKEN);
    assertTrue(after.isCurrent(rewritten));
    assertTrue(rewritten.startsWith("v2." + TokenCipher.keyId(newKey) + "."));
    assertNotEquals(TokenCipher.keyId(oldKey), TokenCipher.keyId(newKey));

    TokenCipher oldKeyDropped = TokenCipher.of(newKey, List.of());
    TokenCipher.Undecryptable e =
        assertThrows(
            TokenCipher.Undecryptable.class,
            () -> oldKeyDropped.decrypt(old, row, ACCOUNT, Field.REFRESH_TOKEN));
    assertTrue(e.getMessage().contains("TOKEN_ENCRYPTION_RETIRED_KEYS"), e.getMessage());
  }

  @Test
  void toStringAndErrorsRevealNoKeyOrToken() {
    byte[] key = key();
    TokenCipher cipher = TokenCipher.of(key, List.of());
    assertFalse(cipher.toString().contains(Base64.getEncoder().encodeToString(key)));
    String stored = cipher.encrypt(TOKEN, row, ACCOUNT, Field.ACCESS_TOKEN);
    TokenCipher.Undecryptable e =
        assertThrows(
            TokenCipher.Undecryptable.class,
            () -> cipher.decrypt(stored, "other-row", ACCOUNT, Field.ACCESS_TOKEN));
    assertFalse(e.getMessage().contains(TOKEN));
    assertFalse(e.getMessage().contains(stored));
  }

  @Test
  void onlyAes256KeysAreAccepted() {
    assertThrows(IllegalArgumentException.class, () -> TokenCipher.of(new byte[16], List.of()));
  }

  @Test
  void aCiphertextMovedToAnotherAccountsRowWithTheSameIdIsRefused() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, ACCOUNT, Field.REFRESH_TOKEN);
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(stored, row, ACCOUNT + 1, Field.REFRESH_TOKEN));
    assertEquals(TOKEN, cipher.decrypt(stored, row, ACCOUNT, Field.REFRESH_TOKEN));
  }

  /** A value as the first version wrote it: associated data "v1|key id|row id|field". */
  private static String writtenByV1(byte[] key, String plaintext, String rowId, Field field)
      throws Exception {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    String keyId = TokenCipher.keyId(key);
    aes.updateAAD(
        ("v1|" + keyId + "|" + rowId + "|" + field.name()).getBytes(StandardCharsets.UTF_8));
    byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    return "v1." + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  @Test
  void valuesInTheFirstFormatStillDecryptAndAreRecognisedForRewriting() throws Exception {
    byte[] key = key();
    TokenCipher cipher = TokenCipher.of(key, List.of());
    String old = writtenByV1(key, TOKEN, row, Field.ACCESS_TOKEN);
    assertEquals(TOKEN, cipher.decrypt(old, row, ACCOUNT, Field.ACCESS_TOKEN));
    assertFalse(cipher.isCurrent(old), "same key, old format: rewritten by the re-encryption pass");
    assertEquals("v1." + cipher.currentKeyId(), TokenCipher.writtenWith(old));
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(old, row, ACCOUNT, Field.REFRESH_TOKEN));
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(old, UUID.randomUUID().toString(), ACCOUNT, Field.ACCESS_TOKEN));
    String rewritten =
        cipher.encrypt(
            cipher.decrypt(old, row, ACCOUNT, Field.ACCESS_TOKEN),
            row,
            ACCOUNT,
            Field.ACCESS_TOKEN);
    assertTrue(cipher.isCurrent(rewritten));
    assertEquals("v2." + cipher.currentKeyId(), TokenCipher.writtenWith(rewritten));
  }

  @Test
  void aV2ValueCannotBePassedOffAsV1ToDropTheAccountBinding() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, ACCOUNT, Field.ACCESS_TOKEN);
    String relabelled = "v1" + stored.substring(2);
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(relabelled, row, ACCOUNT + 1, Field.ACCESS_TOKEN));
    assertThrows(
        TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(relabelled, row, ACCOUNT, Field.ACCESS_TOKEN));
  }

  @Test
  void writtenWithNamesFormatAndKeyOnly() {
    assertEquals("v2.abcd_12-", TokenCipher.writtenWith("v2.abcd_12-.xyz"));
    assertEquals("v2.abcd_12-", TokenCipher.writtenWith("v2.abcd_12-."));
    assertEquals("unknown", TokenCipher.writtenWith("v3.abcd1234.xyz"));
    assertEquals("unknown", TokenCipher.writtenWith("plaintext"));
  }
}
