package com.livestormconnect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class LogoCheckTest {
  @Test
  void aSquareTransparentPngOf500PixelsIsAccepted() {
    LogoCheck check = LogoCheck.of(Logos.disc(500, 500, true, "png"));
    assertTrue(check.isPng());
    assertEquals(500, check.width());
    assertTrue(check.isSquare());
    assertTrue(check.isLargeEnough());
    assertTrue(check.hasTransparentBackground());
    assertTrue(check.isAcceptable());
  }

  @Test
  void aPngSmallerThan500PixelsIsRefused() {
    LogoCheck check = LogoCheck.of(Logos.disc(499, 499, true, "png"));
    assertTrue(check.isSquare());
    assertFalse(check.isLargeEnough());
    assertFalse(check.isAcceptable());
  }

  @Test
  void aPngThatIsNotSquareIsRefused() {
    LogoCheck check = LogoCheck.of(Logos.disc(800, 600, true, "png"));
    assertFalse(check.isSquare());
    assertTrue(check.hasTransparentBackground());
    assertFalse(check.isAcceptable());
  }

  @Test
  void aPngWithoutAlphaChannelHasNoTransparentBackground() {
    LogoCheck check = LogoCheck.of(Logos.disc(600, 600, false, "png"));
    assertTrue(check.isPng());
    assertFalse(check.alphaChannel());
    assertFalse(check.hasTransparentBackground());
    assertFalse(check.isAcceptable());
  }

  @Test
  void anAlphaChannelThatIsOpaqueEverywhereIsNotATransparentBackground() {
    LogoCheck check = LogoCheck.of(Logos.opaqueWithAlpha(500));
    assertTrue(check.alphaChannel());
    assertFalse(check.transparentCorners());
    assertEquals(0, check.transparentBorderPercent());
    assertFalse(check.hasTransparentBackground());
  }

  @Test
  void aJpegIsRecognisedFromItsBytesAndRefused() {
    LogoCheck check = LogoCheck.of(Logos.disc(600, 600, false, "jpeg"));
    assertTrue(check.isImage());
    assertFalse(check.isPng());
    assertEquals("jpeg", check.format());
    assertFalse(check.isAcceptable());
  }

  @Test
  void bytesThatAreNoImageAreRefusedWithoutAnError() {
    LogoCheck check =
        LogoCheck.of("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8));
    assertFalse(check.isImage());
    assertFalse(check.isAcceptable());
  }

  @Test
  void aTruncatedPngIsRefusedWithoutAnError() {
    byte[] png = Logos.disc(500, 500, true, "png");
    LogoCheck check = LogoCheck.of(Arrays.copyOf(png, png.length / 3));
    assertFalse(check.isAcceptable());
  }

  @Test
  void aPngDeclaringAHugeCanvasIsNotDecoded() {
    LogoCheck check = LogoCheck.of(pngHeaderOnly(100_000, 100_000));
    assertTrue(check.isPng());
    assertEquals(100_000, check.width());
    assertFalse(
        check.hasTransparentBackground(), "never decoded, so nothing is known about its pixels");
    assertFalse(check.isAcceptable());
  }

  /** The PNG signature and an IHDR chunk (8-bit RGBA) declaring this size, and no pixel data. */
  private static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr =
        ByteBuffer.allocate(17)
            .put("IHDR".getBytes(StandardCharsets.US_ASCII))
            .putInt(width)
            .putInt(height)
            .put((byte) 8)
            .put((byte) 6)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    return ByteBuffer.allocate(8 + 4 + 17 + 4)
        .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
        .putInt(13)
        .put(ihdr.array())
        .putInt((int) crc.getValue())
        .array();
  }
}
