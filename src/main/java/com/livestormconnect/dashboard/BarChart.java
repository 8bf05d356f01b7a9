package com.livestormconnect.dashboard;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart, drawn as inline SVG by the {@code chart} fragment of layout.html: one group of bars
 * per label, one bar per series, a value axis with round ticks, a legend, and {@code
 * <title>}/{@code <desc>} for screen readers. Every coordinate, label and title is worked out here,
 * in records the fragment only writes out, so that the template engine escapes every text and
 * attribute like any other (labels come from Livestorm). No script and no style attribute (the CSP
 * forbids inline styles): colours come from the {@code chart-*} classes in app.css. Pages also show
 * {@link #groups()} as a table, the chart's text alternative.
 */
public record BarChart(
    String id,
    String title,
    String description,
    List<String> series,
    List<Group> groups,
    Locale locale) {

  /** One label on the category axis and its value in each series. */
  public record Group(String label, List<Double> values) {}

  /** A line from (x1, y1) to (x2, y2): coordinates in SVG units, as written in the attributes. */
  public record Line(String x1, String x2, String y1, String y2) {}

  /** A text at (x, y), anchored {@code start}, {@code middle} or {@code end}; transform or null. */
  public record Text(String x, String y, String anchor, String transform, String text) {}

  /** A value-axis tick: its grid line and its value. */
  public record Tick(Line grid, Text value) {}

  /** One bar: its series (its colour), its rectangle, and its title (label, series and value). */
  public record Bar(int series, String x, String y, String width, String height, String title) {}

  /** A group's bars and its category label, or none (null) where labels are thinned out. */
  public record Column(List<Bar> bars, Text label) {}

  /** A legend key: a square in the series' colour at x and its name at textX. */
  public record Key(int series, String x, String textX, String name) {}

  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 36;
  private static final int BOTTOM = 88; // room for labels rotated by 45°
  private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
  private static final int LABEL_CHARS = 14;

  public BarChart {
    series = List.copyOf(series);
    groups = List.copyOf(groups);
  }

  public boolean isEmpty() {
    return groups.isEmpty();
  }

  public String viewBox() {
    return "0 0 " + WIDTH + " " + HEIGHT;
  }

  /** The id of the SVG's {@code <title>}, which names the chart. */
  public String titleId() {
    return id + "-title";
  }

  /** The id of the SVG's {@code <desc>}. */
  public String descId() {
    return id + "-desc";
  }

  /** The title as the SVG shows it (see {@link #plain}). */
  public String svgTitle() {
    return plain(title);
  }

  /** The description as the SVG shows it (see {@link #plain}). */
  public String svgDescription() {
    return plain(description);
  }

  /** Five ticks from 0 to the axis maximum, each with its grid line. */
  public List<Tick> ticks() {
    double top = niceMaximum(maximum());
    NumberFormat numbers = NumberFormat.getNumberInstance(locale);
    numbers.setMaximumFractionDigits(top < 5 ? 1 : 0);
    List<Tick> ticks = new ArrayList<>(5);
    for (int i = 0; i <= 4; i++) {
      double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 4.0;
      ticks.add(
          new Tick(
              new Line(String.valueOf(LEFT), String.valueOf(WIDTH - RIGHT), fmt(y), fmt(y)),
              new Text(
                  String.valueOf(LEFT - 6),
                  fmt(y + 4),
                  "end",
                  null,
                  plain(numbers.format(top * i / 4)))));
    }
    return ticks;
  }

  /** The value axis and the category axis. */
  public List<Line> axes() {
    String left = String.valueOf(LEFT);
    String bottom = String.valueOf(HEIGHT - BOTTOM);
    return List.of(
        new Line(left, left, String.valueOf(TOP), bottom),
        new Line(left, String.valueOf(WIDTH - RIGHT), bottom, bottom));
  }

  /** The dash in the middle of an empty chart. */
  public Text emptyMark() {
    return new Text(
        String.valueOf(WIDTH / 2), String.valueOf(TOP + PLOT_HEIGHT / 2), "middle", null, "\u2014");
  }

  /** Each group's bars, side by side in its slot, and its label where labels fit (LabelLayout). */
  public List<Column> columns() {
    if (groups.isEmpty()) {
      return List.of();
    }
    double top = niceMaximum(maximum());
    int plotWidth = WIDTH - LEFT - RIGHT;
    double slot = (double) plotWidth / groups.size();
    double barWidth = slot * 0.8 / Math.max(1, series.size());
    NumberFormat numbers = NumberFormat.getNumberInstance(locale);
    numbers.setMaximumFractionDigits(1);
    LabelLayout layout =
        LabelLayout.of(
            slot, groups.stream().mapToInt(gr -> shorten(gr.label()).length()).max().orElse(0));
    List<Column> columns = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      double x0 = LEFT + slot * g + slot * 0.1;
      List<Bar> bars = new ArrayList<>();
      for (int s = 0; s < group.values().size() && s < Math.max(1, series.size()); s++) {
        double value = group.values().get(s) == null ? 0 : group.values().get(s);
        double h = PLOT_HEIGHT * value / top;
        String seriesName = series.isEmpty() ? "" : series.get(s) + ": ";
        bars.add(
            new Bar(
                s,
                fmt(x0 + barWidth * s),
                fmt(TOP + PLOT_HEIGHT - h),
                fmt(Math.max(1, barWidth - 1)),
                fmt(h),
                plain(group.label() + " \u2014 " + seriesName + numbers.format(value))));
      }
      Text label = null;
      if (g % layout.stride() == 0) {
        double cx = LEFT + slot * g + slot / 2;
        int y = HEIGHT - BOTTOM + 16;
        label =
            layout.rotated()
                ? new Text(
                    fmt(cx),
                    String.valueOf(y),
                    "end",
                    "rotate(-45 " + fmt(cx) + " " + y + ")",
                    plain(shorten(group.label())))
                : new Text(
                    fmt(cx), String.valueOf(y), "middle", null, plain(shorten(group.label())));
      }
      columns.add(new Column(List.copyOf(bars), label));
    }
    return columns;
  }

  /** One key per series, left to right above the plot. */
  public List<Key> legend() {
    List<Key> keys = new ArrayList<>(series.size());
    double x = LEFT;
    for (int s = 0; s < series.size(); s++) {
      keys.add(new Key(s, fmt(x), fmt(x + 16), plain(series.get(s))));
      x += 24 + 8 * series.get(s).length();
    }
    return keys;
  }

  private double maximum() {
    return groups.stream()
        .flatMap(g -> g.values().stream())
        .mapToDouble(v -> v == null ? 0 : v)
        .max()
        .orElse(0);
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

  /** Long or hostile labels are cut on the axis; the bar's title and the table carry them whole. */
  static String shorten(String label) {
    String plain = label == null ? "" : label.strip();
    int[] codePoints = plain.codePoints().toArray();
    return codePoints.length <= LABEL_CHARS
        ? plain
        : new String(codePoints, 0, LABEL_CHARS - 1) + "\u2026";
  }

  /**
   * The text without what must not reach SVG text: bidi overrides and isolates, which could reverse
   * the rest of the chart, and control characters, which XML cannot carry. Escaping is the template
   * engine's.
   */
  static String plain(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069 -> {}
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
