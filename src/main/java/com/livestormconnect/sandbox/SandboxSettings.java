package com.livestormconnect.sandbox;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The sandbox's view of the configuration: the "registration" of the one client Livestorm knows.
 * Read on every use (a handful of property lookups) so that a test can flip LIVESTORM_MODE or
 * SANDBOX_TOKEN_TTL inside the running server and see the effect on the next request.
 */
public record SandboxSettings(
    boolean enabled, String appBaseUrl, String redirectUri, List<String> registeredScopes,
    long tokenTtlSeconds) {

  /** Duplicated from the app's settings on purpose: this is Livestorm's side of the registration. */
  public static final String CLIENT_ID = "livestorm-connect-sandbox";

  public static final String CLIENT_SECRET = "sandbox-secret-not-for-production";
  public static final String APP_NAME = "Livestorm Connect";
  /** Every scope name Livestorm knows. */
  public static final List<String> ALL_SCOPES = List.of(
      "identity:read", "identity:write", "events:read", "events:write", "admin:read", "admin:write",
      "webhooks:read", "webhooks:write", "full:read", "full:write");

  /** The derived registration when LIVESTORM_SCOPES is unset: valid under the partner guide's rules. */
  public static final List<String> DEFAULT_SCOPES = List.of(
      "identity:read", "identity:write", "events:read", "events:write", "admin:read", "admin:write",
      "webhooks:read", "webhooks:write");
  static final long DEFAULT_TTL = 7200;

  public static SandboxSettings current() {
    return read(SandboxSettings::lookup);
  }

  /** Same rule as the app: a system property wins over the environment variable of that name. */
  private static String lookup(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  static SandboxSettings read(UnaryOperator<String> env) {
    String base = orDefault(env.apply("APP_BASE_URL"), "http://localhost:8080");
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String redirect = orDefault(env.apply("LIVESTORM_REDIRECT_URI"), base + "/connect/callback");
    String scopes = env.apply("LIVESTORM_SCOPES");
    List<String> registered = scopes == null ? DEFAULT_SCOPES
        : Arrays.stream(scopes.split("\\s+")).filter(s -> !s.isEmpty()).distinct().toList();
    return new SandboxSettings(enabled(env, base), base, redirect, registered, ttl(env.apply("SANDBOX_TOKEN_TTL")));
  }

  /** The app's rule (config.Settings), fail-closed: no client id alone is not enough. */
  private static boolean enabled(UnaryOperator<String> env, String base) {
    String mode = env.apply("LIVESTORM_MODE");
    if (mode != null && mode.toLowerCase(Locale.ROOT).equals("production")) {
      return false;
    }
    if (mode != null && mode.toLowerCase(Locale.ROOT).equals("sandbox")) {
      return true;
    }
    return env.apply("LIVESTORM_CLIENT_ID") == null && env.apply("LIVESTORM_CLIENT_ID_FILE") == null
        && isLoopback(base);
  }

  /** localhost, 127.0.0.0/8 or [::1], from the text alone (never resolved). */
  static boolean isLoopback(String url) {
    try {
      String host = URI.create(url).getHost();
      if (host == null) {
        return false;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.equals("localhost") || host.equals("[::1]") || host.equals("[0:0:0:0:0:0:0:1]")
          || host.matches("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static long ttl(String raw) {
    try {
      long ttl = raw == null ? DEFAULT_TTL : Long.parseLong(raw);
      return ttl > 0 ? ttl : DEFAULT_TTL;
    } catch (NumberFormatException e) {
      return DEFAULT_TTL;
    }
  }

  /**
   * SANDBOX_LATENCY_MS (default 0, at most 10,000): how long each API request takes on the wire,
   * half before it arrives and half for its answer to come back, so that the app's waiting can be
   * measured offline (issue 13). Read on every request like the rest; the app checks its range at
   * start-up.
   */
  public static long latencyMillis() {
    String raw = lookup("SANDBOX_LATENCY_MS");
    try {
      long value = raw == null ? 0 : Long.parseLong(raw);
      return Math.max(0, Math.min(10_000, value));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
