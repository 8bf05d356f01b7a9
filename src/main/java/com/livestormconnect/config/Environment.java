package com.livestormconnect.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads raw settings by name, a system property overriding the environment variable of the same
 * name, and collects every problem found so that start-up reports them all at once.
 */
final class Environment {
  private final Function<String, String> lookup;
  private final List<String> problems = new ArrayList<>();

  Environment(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  static Environment system() {
    return new Environment(
        name -> {
          String property = System.getProperty(name);
          return property != null ? property : System.getenv(name);
        });
  }

  Optional<String> text(String name) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  String text(String name, String fallback) {
    return text(name).orElse(fallback);
  }

  /** An absolute http(s) URL, or the fallback when unset. Null when the value is malformed. */
  URI url(String name, String fallback) {
    String raw = text(name).orElse(fallback);
    if (raw == null) {
      return null;
    }
    try {
      URI uri = new URI(raw);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!http || uri.getHost() == null) {
        problem(name, "must be an absolute http or https URL, got '" + raw + "'");
        return null;
      }
      if (uri.getQuery() != null || uri.getFragment() != null) {
        problem(name, "must not contain a query or fragment");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      problem(name, "is not a valid URL (" + e.getReason() + ")");
      return null;
    }
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        problem(name, "must be between " + min + " and " + max + ", got " + value);
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(name, "must be a whole number, got '" + raw.get() + "'");
      return fallback;
    }
  }

  boolean flag(String name, boolean fallback) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    return switch (raw.get().toLowerCase()) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> {
        problem(name, "must be true or false, got '" + raw.get() + "'");
        yield fallback;
      }
    };
  }

  /**
   * The value of NAME, or the first line of the file named by NAME_FILE (for container secrets).
   */
  Optional<String> secret(String name) {
    Optional<String> direct = text(name);
    Optional<String> file = text(name + "_FILE");
    if (direct.isPresent() && file.isPresent()) {
      problem(name, "is set both directly and through " + name + "_FILE; set only one");
      return direct;
    }
    if (file.isEmpty()) {
      return direct;
    }
    try {
      String content = Files.readString(Path.of(file.get())).strip();
      if (content.isEmpty()) {
        problem(name + "_FILE", "names an empty file");
        return Optional.empty();
      }
      return Optional.of(content);
    } catch (Exception e) {
      // The file name is not secret; its content is never quoted.
      problem(name + "_FILE", "cannot be read (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }

  /**
   * DATA_DIR as an absolute path (default {@code ./data}). Here rather than in {@link Settings} so
   * that {@link DatabaseSettings} needs no other class of this package: on Open Liberty the data
   * source class and what it reads are loaded from a server library (see ConfiguredDataSource).
   */
  Path dataDir() {
    String raw = text("DATA_DIR", "data");
    try {
      return Path.of(raw).toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      problem("DATA_DIR", "is not a valid path: '" + raw + "'");
      return Path.of("data").toAbsolutePath();
    }
  }

  void problem(String name, String what) {
    problems.add(name + " " + what);
  }

  void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }
}
