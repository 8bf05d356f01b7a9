package com.livestormconnect.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] BODY =
      "{\"data\":{\"id\":\"e1\",\"type\":\"events\"}}".getBytes(StandardCharsets.UTF_8);

  @Test
  void isTimestampCommaPlainSha256OfTimestampSecretAndBody() {
    // Known answer from Python: hashlib.sha256(b"1767225600" b"s3cret" body).hexdigest()
    assertEquals(
        "1767225600,e877595d5e48ff7877ba2147cc885c647a55b0ecb5ba5c21f7daa6024a909850",
        WebhookSignature.header(1767225600L, "s3cret", BODY));
  }

  @Test
  void dependsOnEachPartAndIsSixtyFourLowerCaseHex() {
    String hex = WebhookSignature.hex(1767225600L, "s3cret", BODY);
    assertEquals(64, hex.length());
    assertEquals(hex.toLowerCase(java.util.Locale.ROOT), hex);
    assertNotEquals(hex, WebhookSignature.hex(1767225601L, "s3cret", BODY));
    assertNotEquals(hex, WebhookSignature.hex(1767225600L, "s3cres", BODY));
    assertNotEquals(
        hex,
        WebhookSignature.hex(
            1767225600L, "s3cret", "{\"data\":{}}".getBytes(StandardCharsets.UTF_8)));
  }
}
