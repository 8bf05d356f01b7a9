package com.livestormconnect.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: it rejects
 * what a Prometheus server would reject (bad names, bad escapes, bad numbers, a sample of an
 * undeclared family, a family declared twice, a repeated series, histogram buckets that shrink or
 * lack {@code +Inf} or disagree with {@code _count}) and gives the samples' values.
 */
public final class PrometheusText {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern VALUE =
      Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?Inf|NaN");
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?[ \\t]+(\\S+)(?:[ \\t]+(-?[0-9]+))?");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  /** A metric family: its type and help text. */
  public record Family(String type, String help) {}

  /** One sample: metric name, labels (sorted), value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final Map<String, Family> families = new HashMap<>();
  private final Map<String, String> helps = new HashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  private PrometheusText() {}

  public static PrometheusText parse(String body) {
    if (!body.isEmpty() && !body.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition does not end with a line feed");
    }
    PrometheusText text = new PrometheusText();
    Map<String, Boolean> seriesSeen = new HashMap<>();
    int number = 0;
    for (String line : body.split("\n")) {
      number++;
      try {
        text.line(line, seriesSeen);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "line " + number + " (" + line + "): " + e.getMessage(), e);
      }
    }
    text.checkHistograms();
    return text;
  }

  public Map<String, Family> families() {
    return families;
  }

  public List<Sample> samples() {
    return samples;
  }

  /** The value of the series with exactly these labels (name, value, name, value...). */
  public double value(String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().equals(wanted))
        .mapToDouble(Sample::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + name + wanted));
  }

  private void line(String line, Map<String, Boolean> seriesSeen) {
    if (line.isBlank()) {
      return;
    }
    if (line.startsWith("#")) {
      String[] parts = line.split("[ \\t]+", 4);
      if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
        name(parts[2]);
        if (parts[1].equals("TYPE")) {
          if (parts.length != 4 || !TYPES.contains(parts[3])) {
            throw new IllegalArgumentException("bad TYPE");
          }
          if (families.containsKey(parts[2])) {
            throw new IllegalArgumentException("family declared twice");
          }
          if (samples.stream().anyMatch(s -> familyOf(s.name()).equals(parts[2]))) {
            throw new IllegalArgumentException("TYPE after samples of its family");
          }
          families.put(parts[2], new Family(parts[3], helps.getOrDefault(parts[2], "")));
        } else {
          helps.put(parts[2], parts.length == 4 ? parts[3] : "");
        }
      }
      return;
    }
    Matcher m = SAMPLE.matcher(line);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a sample");
    }
    String name = m.group(1);
    Map<String, String> labels = labels(m.group(2) == null ? "" : m.group(2));
    if (!VALUE.matcher(m.group(3)).matches()) {
      throw new IllegalArgumentException("bad value " + m.group(3));
    }
    String family = familyOf(name);
    if (!families.containsKey(family)) {
      throw new IllegalArgumentException("sample of an undeclared family");
    }
    if (seriesSeen.put(name + labels, true) != null) {
      throw new IllegalArgumentException("series repeated");
    }
    String v = m.group(3);
    double value =
        v.endsWith("Inf")
            ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
            : Double.parseDouble(v);
    samples.add(new Sample(name, labels, value));
  }

  /** The family a sample belongs to: its own name, or the name less a suffix its type allows. */
  private String familyOf(String name) {
    if (families.containsKey(name)) {
      return name;
    }
    for (String suffix : List.of("_total", "_created", "_bucket", "_sum", "_count")) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        Family f = families.get(base);
        if (f != null && allows(f.type(), suffix)) {
          return base;
        }
      }
    }
    return name;
  }

  private static boolean allows(String type, String suffix) {
    return switch (type) {
      case "counter" -> suffix.equals("_total") || suffix.equals("_created");
      case "histogram" -> Set.of("_bucket", "_sum", "_count", "_created").contains(suffix);
      case "summary" -> Set.of("_sum", "_count", "_created").contains(suffix);
      default -> false;
    };
  }

  private static void name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad metric name " + name);
    }
  }

  private static Map<String, String> labels(String block) {
    Map<String, String> labels = new TreeMap<>();
    if (block.isEmpty()) {
      return labels;
    }
    String inner = block.substring(1, block.length() - 1);
    int i = 0;
    while (i < inner.length()) {
      int eq = inner.indexOf('=', i);
      if (eq < 0) {
        throw new IllegalArgumentException("label without =");
      }
      String name = inner.substring(i, eq).strip();
      if (!LABEL_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("bad label name " + name);
      }
      if (eq + 1 >= inner.length() || inner.charAt(eq + 1) != '"') {
        throw new IllegalArgumentException("label value not quoted");
      }
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      for (; j < inner.length() && inner.charAt(j) != '"'; j++) {
        char c = inner.charAt(j);
        if (c == '\\') {
          char next = j + 1 < inner.length() ? inner.charAt(++j) : ' ';
          switch (next) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw new IllegalArgumentException("bad escape \\" + next);
          }
        } else {
          value.append(c);
        }
      }
      if (j >= inner.length()) {
        throw new IllegalArgumentException("unterminated label value");
      }
      if (labels.put(name, value.toString()) != null) {
        throw new IllegalArgumentException("label repeated: " + name);
      }
      i = j + 1;
      if (i < inner.length()) {
        if (inner.charAt(i) != ',') {
          throw new IllegalArgumentException("labels not separated by a comma");
        }
        i++;
      }
    }
    return labels;
  }

  private void checkHistograms() {
    families.forEach(
        (family, f) -> {
          if (!f.type().equals("histogram")) {
            return;
          }
          Map<Map<String, String>, TreeMap<Double, Double>> buckets = new HashMap<>();
          for (Sample s : samples) {
            if (s.name().equals(family + "_bucket")) {
              Map<String, String> rest = new TreeMap<>(s.labels());
              String le = rest.remove("le");
              if (le == null) {
                throw new IllegalArgumentException(family + ": bucket without le");
              }
              buckets
                  .computeIfAbsent(rest, k -> new TreeMap<>())
                  .put(
                      le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                      s.value());
            }
          }
          buckets.forEach(
              (labels, byBound) -> {
                double previous = 0;
                for (double count : byBound.values()) {
                  if (count < previous) {
                    throw new IllegalArgumentException(
                        family + labels + ": buckets are not cumulative");
                  }
                  previous = count;
                }
                Double inf = byBound.get(Double.POSITIVE_INFINITY);
                double total =
                    samples.stream()
                        .filter(
                            s -> s.name().equals(family + "_count") && s.labels().equals(labels))
                        .mapToDouble(Sample::value)
                        .findFirst()
                        .orElse(Double.NaN);
                if (inf == null || inf != total) {
                  throw new IllegalArgumentException(
                      family + labels + ": +Inf bucket missing or not equal to _count");
                }
              });
        });
  }
}
