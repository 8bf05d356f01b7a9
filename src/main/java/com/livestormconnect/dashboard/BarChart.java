package com.livestormconnect.dashboard;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart written as inline SVG on the server: one group of bars per label, one bar per series,
 * a value axis with round ticks, a legend, and {@code <title>}/{@code <desc>} for screen readers.
 * No script and no style attribute (the CSP forbids inline styles): colours come from the
 * {@code chart-*} classes in app.css. Every text is escaped here, since labels come from Livestorm;
 * pages also show {@link #groups()} as a table, the chart's text alternative.
 */
public record BarChart(String id, String title, String description, List<String> series,
    List<Group> groups, Locale locale) {

  /** One label on the category axis and its value in each series. */
  public record Group(String label, List<Double> values) {}

  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 36;
  private static final int BOTTOM = 88; // room for labels rotated by 45°
  private static final int LABEL_CHARS = 14;

  public BarChart {
    series = List.copyOf(series);
    groups = List.copyOf(groups);
  }

  public boolean isEmpty() {
    return groups.isEmpty();
  }

  public String svg() {
    StringBuilder out = new StringBuilder(4096);
    String titleId = id + "-title";
    String descId = id + "-desc";
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-labelledby=\"").append(escape(titleId))
        .append(' ').append(escape(descId)).append("\">")
        .append("<title id=\"").append(escape(titleId)).append("\">").append(escape(title)).append("</title>")
        .append("<desc id=\"").append(escape(descId)).append("\">").append(escape(description)).append("</desc>");
    double top = niceMaximum(maximum());
    axes(out, top);
    bars(out, top);
    legend(out);
    return out.append("</svg>").toString();
  }

  private double maximum() {
    return groups.stream().flatMap(g -> g.values().stream())
        .mapToDouble(v -> v == null ? 0 : v).max().orElse(0);
  }

  /** The axis maximum: the smallest 1, 2 or 5 times a power of ten that is at least {@code max}. */
  static double niceMaximum(double max) {
    if (max <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= max) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private void axes(StringBuilder out, double top) {
    int plotHeight = HEIGHT - TOP - BOTTOM;
    NumberFormat numbers = NumberFormat.getNumberInstance(locale);
    numbers.setMaximumFractionDigits(top < 5 ? 1 : 0);
    for (int i = 0; i <= 4; i++) {
      double value = top * i / 4;
      double y = TOP + plotHeight - plotHeight * i / 4.0;
      out.append("<line class=\"chart-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
          .append("<text class=\"chart-tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">").append(escape(numbers.format(value))).append("</text>");
    }
    out.append("<line class=\"chart-axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT)
        .append("\" y1=\"").append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>")
        .append("<line class=\"chart-axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
        .append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
    if (groups.isEmpty()) {
      out.append("<text class=\"chart-empty\" x=\"").append(WIDTH / 2).append("\" y=\"")
          .append(TOP + plotHeight / 2).append("\" text-anchor=\"middle\">").append("\u2014</text>");
    }
  }

  private void bars(StringBuilder out, double top) {
    if (groups.isEmpty()) {
      return;
    }
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = (double) plotWidth / groups.size();
    double barWidth = slot * 0.8 / Math.max(1, series.size());
    NumberFormat numbers = NumberFormat.getNumberInstance(locale);
    numbers.setMaximumFractionDigits(1);
    LabelLayout layout = LabelLayout.of(slot, groups.stream()
        .mapToInt(gr -> shorten(gr.label()).length()).max().orElse(0));
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      double x0 = LEFT + slot * g + slot * 0.1;
      for (int s = 0; s < group.values().size() && s < Math.max(1, series.size()); s++) {
        double value = group.values().get(s) == null ? 0 : group.values().get(s);
        double h = plotHeight * value / top;
        double x = x0 + barWidth * s;
        String seriesName = series.isEmpty() ? "" : series.get(s) + ": ";
        out.append("<rect class=\"chart-bar chart-series-").append(s).append("\" x=\"").append(fmt(x))
            .append("\" y=\"").append(fmt(TOP + plotHeight - h)).append("\" width=\"")
            .append(fmt(Math.max(1, barWidth - 1))).append("\" height=\"").append(fmt(h)).append("\">")
            .append("<title>").append(escape(group.label() + " \u2014 " + seriesName + numbers.format(value)))
            .append("</title></rect>");
      }
      if (g % layout.stride() == 0) {
        double cx = LEFT + slot * g + slot / 2;
        int y = HEIGHT - BOTTOM + 16;
        out.append("<text class=\"chart-label\" x=\"").append(fmt(cx)).append("\" y=\"").append(y)
            .append(layout.rotated()
                ? "\" text-anchor=\"end\" transform=\"rotate(-45 " + fmt(cx) + " " + y + ")\">"
                : "\" text-anchor=\"middle\">")
            .append(escape(shorten(group.label()))).append("</text>");
      }
    }
  }

  /**
   * How the category labels fit without overlapping, at any number of groups: side by side when
   * each fits in its slot, else rotated by 45° (then they need only a line's height between them),
   * and only every {@code stride}-th label when even that is too tight.
   */
  record LabelLayout(boolean rotated, int stride) {
    /** Average advance of a label character at the chart's font size, in SVG units. */
    static final double CHAR_WIDTH = 7;
    /** Distance between two rotated labels' baselines that keeps them apart. */
    static final double LINE = 16;
    static final double GAP = 4;

    static LabelLayout of(double slot, int longestLabel) {
      if (slot >= longestLabel * CHAR_WIDTH + GAP) {
        return new LabelLayout(false, 1);
      }
      // At 45°, labels d apart along the axis stand d·sin(45°) apart across their baselines.
      double needed = LINE / Math.sin(Math.PI / 4);
      return new LabelLayout(true, (int) Math.max(1, Math.ceil(needed / slot)));
    }
  }

  private void legend(StringBuilder out) {
    double x = LEFT;
    for (int s = 0; s < series.size(); s++) {
      out.append("<rect class=\"chart-series-").append(s).append("\" x=\"").append(fmt(x))
          .append("\" y=\"10\" width=\"12\" height=\"12\"/>")
          .append("<text class=\"chart-legend\" x=\"").append(fmt(x + 16)).append("\" y=\"21\">")
          .append(escape(series.get(s))).append("</text>");
      x += 24 + 8 * series.get(s).length();
    }
  }

  /** Long or hostile labels are cut on the axis; the bar's title and the table carry them whole. */
  static String shorten(String label) {
    String plain = label == null ? "" : label.strip();
    int[] codePoints = plain.codePoints().toArray();
    return codePoints.length <= LABEL_CHARS ? plain
        : new String(codePoints, 0, LABEL_CHARS - 1) + "\u2026";
  }

  /** XML escaping for text and attribute values; bidi overrides are dropped from SVG text. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069 -> { }
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n') {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
