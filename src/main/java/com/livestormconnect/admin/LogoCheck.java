package com.livestormconnect.admin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What Livestorm's partner guide asks of the app's logo, checked on the uploaded bytes alone (the
 * file name and the browser's content type prove nothing): a PNG, square, at least 500 × 500 px, on
 * a transparent background. "Transparent background" is read as: the image has an alpha channel,
 * its four corners are fully transparent, and so is nearly all of its one-pixel border (a logo may
 * touch the edge here and there).
 *
 * @param format the format ImageIO recognised from the bytes ("png", "jpeg"...), or "" when none
 * @param transparentBorder the share of border pixels that are fully transparent, 0 to 1
 */
public record LogoCheck(
    String format,
    int width,
    int height,
    boolean alphaChannel,
    boolean transparentCorners,
    double transparentBorder) {

  public static final int MIN_SIDE = 500;

  /**
   * Beyond 4096 × 4096 the image is not decoded at all: a PNG of a few kilobytes can declare a
   * canvas whose pixels would fill the heap.
   */
  static final long MAX_PIXELS = 4096L * 4096L;

  static final double BORDER_SHARE = 0.9;

  private static final LogoCheck UNREADABLE = new LogoCheck("", 0, 0, false, false, 0);

  public static LogoCheck of(byte[] bytes) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
      if (readers == null || !readers.hasNext()) {
        return UNREADABLE;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (!"png".equals(format) || (long) width * height > MAX_PIXELS) {
          return new LogoCheck(format, width, height, false, false, 0);
        }
        return of(format, reader.read(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // Truncated or corrupt data: ImageIO throws IOException, some decoders runtime exceptions.
      return UNREADABLE;
    }
  }

  private static LogoCheck of(String format, BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    boolean alpha = image.getColorModel().hasAlpha();
    boolean corners =
        alpha
            && transparent(image, 0, 0)
            && transparent(image, w - 1, 0)
            && transparent(image, 0, h - 1)
            && transparent(image, w - 1, h - 1);
    return new LogoCheck(format, w, h, alpha, corners, alpha ? transparentBorder(image) : 0);
  }

  private static double transparentBorder(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    long border = 0;
    long clear = 0;
    for (int x = 0; x < w; x++) {
      for (int y : new int[] {0, h - 1}) {
        border++;
        clear += transparent(image, x, y) ? 1 : 0;
      }
    }
    for (int y = 1; y < h - 1; y++) {
      for (int x : new int[] {0, w - 1}) {
        border++;
        clear += transparent(image, x, y) ? 1 : 0;
      }
    }
    return border == 0 ? 0 : (double) clear / border;
  }

  private static boolean transparent(BufferedImage image, int x, int y) {
    return (image.getRGB(x, y) >>> 24) == 0;
  }

  public boolean isImage() {
    return !format.isEmpty();
  }

  public boolean isPng() {
    return "png".equals(format);
  }

  public boolean isSquare() {
    return isImage() && width == height;
  }

  public boolean isLargeEnough() {
    return width >= MIN_SIDE && height >= MIN_SIDE;
  }

  public boolean hasTransparentBackground() {
    return alphaChannel && transparentCorners && transparentBorder >= BORDER_SHARE;
  }

  /** Everything Livestorm asks for. */
  public boolean isAcceptable() {
    return isPng() && isSquare() && isLargeEnough() && hasTransparentBackground();
  }

  /** The border share as a whole percentage, for the page. */
  public long transparentBorderPercent() {
    return Math.round(transparentBorder * 100);
  }
}
