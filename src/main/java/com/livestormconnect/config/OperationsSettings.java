package com.livestormconnect.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What operators set for monitoring: the bearer token a Prometheus server sends to scrape {@code
 * /metrics} (administrators need none), and the log format.
 */
public record OperationsSettings(Optional<String> metricsToken, LogFormat logFormat) {
  /** Shortest scrape token accepted: anything shorter is guessable. */
  static final int MIN_TOKEN_LENGTH = 16;

  /**
   * How log records are written: as the server writes them (the default), one line of text per
   * record, or one JSON object per line.
   */
  public enum LogFormat {
    SERVER,
    TEXT,
    JSON
  }

  static OperationsSettings read(Environment env) {
    Optional<String> token = env.secret("METRICS_TOKEN");
    if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
      env.problem(
          "METRICS_TOKEN",
          "must be at least "
              + MIN_TOKEN_LENGTH
              + " characters (generate one"
              + " with: openssl rand -base64 32)");
    }
    String format = env.text("LOG_FORMAT", "server").toLowerCase(Locale.ROOT);
    LogFormat logFormat =
        switch (format) {
          case "server" -> LogFormat.SERVER;
          case "text" -> LogFormat.TEXT;
          case "json" -> LogFormat.JSON;
          default -> {
            env.problem("LOG_FORMAT", "must be server, text or json, got '" + format + "'");
            yield LogFormat.TEXT;
          }
        };
    return new OperationsSettings(token, logFormat);
  }

  @Override
  public String toString() {
    return "OperationsSettings[metricsToken="
        + (metricsToken.isPresent() ? "<set>" : "<unset>")
        + ", logFormat="
        + logFormat.name().toLowerCase(Locale.ROOT)
        + "]";
  }
}
