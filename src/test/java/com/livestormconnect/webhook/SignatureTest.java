package com.livestormconnect.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.webhook.Signature.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignatureTest {
  private static final String SECRET = "webhook-secret-for-unit-tests";
  private static final Instant NOW = Instant.parse("2026-12-06T21:00:00Z");
  private static final byte[] BODY =
      "{\"data\":{\"id\":\"p1\",\"type\":\"people\"}}".getBytes(StandardCharsets.UTF_8);

  private final Signature signature = new Signature(SECRET);

  @Test
  void theDigestIsSha256OfTimestampSecretAndRawBody() throws Exception {
    String seconds = Long.toString(NOW.getEpochSecond());
    byte[] concatenated =
        (seconds + SECRET + new String(BODY, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    String expected =
        seconds
            + ","
            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(concatenated));
    assertEquals(expected, signature.sign(BODY, NOW));
    assertEquals(Verdict.VALID, signature.check(expected, BODY, NOW));
    assertEquals(
        Verdict.VALID, signature.check(expected.toUpperCase(), BODY, NOW), "hex in capitals");
  }

  @Test
  void aChangedBodyOrAnotherSecretIsWrong() {
    String header = signature.sign(BODY, NOW);
    byte[] changed = Arrays.copyOf(BODY, BODY.length + 1);
    changed[BODY.length] = ' ';
    assertEquals(Verdict.WRONG, signature.check(header, changed, NOW), "one byte more");
    assertEquals(
        Verdict.WRONG, new Signature("another-secret-of-enough-length").check(header, BODY, NOW));
    String flipped = header.substring(0, header.length() - 1) + (header.endsWith("0") ? "1" : "0");
    assertEquals(Verdict.WRONG, signature.check(flipped, BODY, NOW));
  }

  @Test
  void missingOrMalformedHeadersAreRefused() {
    assertEquals(Verdict.MISSING, signature.check(null, BODY, NOW));
    assertEquals(Verdict.MISSING, signature.check(" ", BODY, NOW));
    String header = signature.sign(BODY, NOW);
    String hex = header.substring(header.indexOf(',') + 1);
    assertEquals(Verdict.MALFORMED, signature.check(hex, BODY, NOW), "no timestamp");
    assertEquals(Verdict.MALFORMED, signature.check("abc," + hex, BODY, NOW));
    assertEquals(
        Verdict.MALFORMED,
        signature.check(NOW.getEpochSecond() + "," + hex.substring(2), BODY, NOW));
    assertEquals(
        Verdict.MALFORMED,
        signature.check(NOW.getEpochSecond() + "," + "zz" + hex.substring(2), BODY, NOW));
  }

  @Test
  void timestampsMoreThanFiveMinutesOldOrAheadAreStale() {
    Instant signedAt = NOW;
    String header = signature.sign(BODY, signedAt);
    assertEquals(Verdict.VALID, signature.check(header, BODY, NOW.plusSeconds(300)));
    assertEquals(Verdict.VALID, signature.check(header, BODY, NOW.minusSeconds(300)));
    assertEquals(Verdict.STALE, signature.check(header, BODY, NOW.plusSeconds(301)), "replayed");
    assertEquals(Verdict.STALE, signature.check(header, BODY, NOW.minusSeconds(301)), "ahead");
  }

  /**
   * The comparison looks at every byte whatever the first difference: comparing arrays that differ
   * in their first byte takes about as long as comparing arrays that differ in their last (an
   * early-exit comparison would be hundreds of times faster on the first). Large arrays make the
   * difference measurable far above the timer's noise.
   */
  @Test
  void comparisonTimeDoesNotDependOnWhereTheBytesDiffer() {
    byte[] expected = new byte[1 << 20];
    Arrays.fill(expected, (byte) 7);
    byte[] firstDiffers = expected.clone();
    firstDiffers[0] = 8;
    byte[] lastDiffers = expected.clone();
    lastDiffers[lastDiffers.length - 1] = 8;
    for (int i = 0; i < 200; i++) { // warm-up
      Signature.equalInConstantTime(expected, firstDiffers);
      Signature.equalInConstantTime(expected, lastDiffers);
    }
    long first = median(expected, firstDiffers);
    long last = median(expected, lastDiffers);
    assertTrue(
        first * 4 > last,
        "a difference in the first byte was found in " + first + " ns, in the last in " + last);
  }

  private static long median(byte[] a, byte[] b) {
    long[] times = new long[41];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      boolean same = Signature.equalInConstantTime(a, b);
      times[i] = System.nanoTime() - start;
      assertTrue(!same);
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }
}
