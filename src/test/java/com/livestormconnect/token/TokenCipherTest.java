package com.livestormconnect.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.token.TokenCipher.Field;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
  private static final String TOKEN = "at-7f3c9a0e-secret-access-token";
  private final String row = UUID.randomUUID().toString();

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Test
  void roundTripsAndNeverContainsThePlaintext() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, Field.ACCESS_TOKEN);
    assertTrue(stored.startsWith("v1." + cipher.currentKeyId() + "."), stored);
    assertFalse(stored.contains(TOKEN));
    assertEquals(TOKEN, cipher.decrypt(stored, row, Field.ACCESS_TOKEN));
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    assertNotEquals(cipher.encrypt(TOKEN, row, Field.ACCESS_TOKEN), cipher.encrypt(TOKEN, row, Field.ACCESS_TOKEN));
  }

  @Test
  void aTamperedCiphertextIsRefused() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, Field.ACCESS_TOKEN);
    String[] parts = stored.split("\\.");
    byte[] body = Base64.getUrlDecoder().decode(parts[2]);
    body[body.length / 2] ^= 1;
    String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    assertThrows(TokenCipher.Undecryptable.class, () -> cipher.decrypt(tampered, row, Field.ACCESS_TOKEN));
    assertThrows(TokenCipher.Undecryptable.class, () -> cipher.decrypt("v1." + parts[1] + ".!!", row, Field.ACCESS_TOKEN));
    assertThrows(TokenCipher.Undecryptable.class, () -> cipher.decrypt("plaintext", row, Field.ACCESS_TOKEN));
  }

  @Test
  void aCiphertextMovedToAnotherRowIsRefused() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, Field.ACCESS_TOKEN);
    assertThrows(TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(stored, UUID.randomUUID().toString(), Field.ACCESS_TOKEN));
  }

  @Test
  void accessAndRefreshCiphertextsCannotBeSwapped() {
    TokenCipher cipher = TokenCipher.of(key(), List.of());
    String stored = cipher.encrypt(TOKEN, row, Field.ACCESS_TOKEN);
    assertThrows(TokenCipher.Undecryptable.class, () -> cipher.decrypt(stored, row, Field.REFRESH_TOKEN));
  }

  @Test
  void aValueWrittenUnderARetiredKeyStillDecryptsAndNewWritesUseTheNewKey() {
    byte[] oldKey = key();
    byte[] newKey = key();
    TokenCipher before = TokenCipher.of(oldKey, List.of());
    String old = before.encrypt(TOKEN, row, Field.REFRESH_TOKEN);

    TokenCipher after = TokenCipher.of(newKey, List.of(oldKey));
    assertEquals(TOKEN, after.decrypt(old, row, Field.REFRESH_TOKEN));
    assertFalse(after.isCurrent(old), "old values are recognised for re-encryption");
    String rewritten = after.encrypt(TOKEN, row, Field.REFRESH_TOKEN);
    assertTrue(after.isCurrent(rewritten));
    assertTrue(rewritten.startsWith("v1." + TokenCipher.keyId(newKey) + "."));
    assertNotEquals(TokenCipher.keyId(oldKey), TokenCipher.keyId(newKey));

    TokenCipher oldKeyDropped = TokenCipher.of(newKey, List.of());
    TokenCipher.Undecryptable e = assertThrows(TokenCipher.Undecryptable.class,
        () -> oldKeyDropped.decrypt(old, row, Field.REFRESH_TOKEN));
    assertTrue(e.getMessage().contains("TOKEN_ENCRYPTION_RETIRED_KEYS"), e.getMessage());
  }

  @Test
  void toStringAndErrorsRevealNoKeyOrToken() {
    byte[] key = key();
    TokenCipher cipher = TokenCipher.of(key, List.of());
    assertFalse(cipher.toString().contains(Base64.getEncoder().encodeToString(key)));
    String stored = cipher.encrypt(TOKEN, row, Field.ACCESS_TOKEN);
    TokenCipher.Undecryptable e = assertThrows(TokenCipher.Undecryptable.class,
        () -> cipher.decrypt(stored, "other-row", Field.ACCESS_TOKEN));
    assertFalse(e.getMessage().contains(TOKEN));
    assertFalse(e.getMessage().contains(stored));
  }

  @Test
  void onlyAes256KeysAreAccepted() {
    assertThrows(IllegalArgumentException.class, () -> TokenCipher.of(new byte[16], List.of()));
  }
}
