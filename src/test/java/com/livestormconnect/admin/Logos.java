package com.livestormconnect.admin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Generated test logos: a disc on a transparent or an opaque background, in any format. */
final class Logos {
  private Logos() {}

  static byte[] disc(int width, int height, boolean transparent, String format) {
    int type = transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    if (!transparent) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
    }
    g.setColor(new Color(0x1f, 0x6f, 0xeb));
    g.fillOval(width / 10, height / 10, width * 8 / 10, height * 8 / 10);
    g.dispose();
    return encode(image, format);
  }

  /** An ARGB image with an alpha channel that is nevertheless opaque everywhere. */
  static byte[] opaqueWithAlpha(int side) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, side, side);
    g.dispose();
    return encode(image, "png");
  }

  static byte[] encode(BufferedImage image, String format) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
