package com.livestormconnect.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The sandbox's view of the configuration: the "registration" of the one client Livestorm knows.
 * Read on every use (a handful of property lookups) so that a test can flip LIVESTORM_MODE or
 * SANDBOX_TOKEN_TTL inside the running server and see the effect on the next request. The sandbox's
 * own settings ({@code SANDBOX_*}) are checked here, since the sandbox imports nothing from the
 * app: a bad one keeps the sandbox off ({@link #problems}, logged at start by {@link
 * SandboxStartup}) instead of quietly becoming its default.
 */
public record SandboxSettings(
    boolean enabled,
    String appBaseUrl,
    String redirectUri,
    List<String> registeredScopes,
    long tokenTtlSeconds) {

  /**
   * Duplicated from the app's settings on purpose: this is Livestorm's side of the registration.
   */
  public static final String CLIENT_ID = "livestorm-connect-sandbox";

  public static final String CLIENT_SECRET = "sandbox-secret-not-for-production";
  public static final String APP_NAME = "Livestorm Connect";

  /** Every scope name Livestorm knows. */
  public static final List<String> ALL_SCOPES =
      List.of(
          "identity:read",
          "identity:write",
          "events:read",
          "events:write",
          "admin:read",
          "admin:write",
          "webhooks:read",
          "webhooks:write",
          "full:read",
          "full:write");

  /**
   * The derived registration when LIVESTORM_SCOPES is unset: the eight individual scopes (all but
   * the two full: ones), valid under the partner guide's rules.
   */
  public static final List<String> DEFAULT_SCOPES = ALL_SCOPES.subList(0, 8);

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
    List<String> registered =
        scopes == null
            ? DEFAULT_SCOPES
            : Arrays.stream(scopes.split("\\s+")).filter(s -> !s.isEmpty()).distinct().toList();
    boolean enabled = enabled(env, base) && problems(env).isEmpty();
    return new SandboxSettings(
        enabled, base, redirect, registered, ttl(env.apply("SANDBOX_TOKEN_TTL")));
  }

  /**
   * What keeps the sandbox off now although its mode would run it (empty when nothing does, or in
   * production, where it is off anyway).
   */
  public static List<String> problems() {
    UnaryOperator<String> env = SandboxSettings::lookup;
    String base = orDefault(env.apply("APP_BASE_URL"), "http://localhost:8080");
    return enabled(env, base) ? problems(env) : List.of();
  }

  /**
   * What is wrong with the sandbox's own settings, one line per variable, each starting with the
   * variable's name; empty when all is well.
   */
  static List<String> problems(UnaryOperator<String> env) {
    List<String> problems = new ArrayList<>();
    whole(env, "SANDBOX_TOKEN_TTL", 1, Long.MAX_VALUE, "a number of seconds above 0", problems);
    whole(
        env, "SANDBOX_LATENCY_MS", 0, 10_000, "a number of milliseconds from 0 to 10000", problems);
    whole(env, "SANDBOX_MONTHLY_QUOTA", 1, Long.MAX_VALUE, "a number of calls above 0", problems);
    for (SandboxVariants.Variant variant : SandboxVariants.Variant.values()) {
      String raw = env.apply(variant.setting());
      if (raw != null && !variant.choices().contains(raw.trim())) {
        problems.add(
            variant.setting() + " must be one of " + variant.choices() + ", not \"" + raw + "\"");
      }
    }
    return problems;
  }

  private static void whole(
      UnaryOperator<String> env,
      String name,
      long min,
      long max,
      String what,
      List<String> problems) {
    String raw = env.apply(name);
    if (raw == null) {
      return;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value >= min && value <= max) {
        return;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be " + what + ", not \"" + raw + "\"");
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
    return env.apply("LIVESTORM_CLIENT_ID") == null
        && env.apply("LIVESTORM_CLIENT_ID_FILE") == null
        && isLoopback(base);
  }

  /** localhost, 127.0.0.0/8 or [::1], from the text alone (never resolved). */
  public static boolean isLoopback(String url) {
    try {
      String host = URI.create(url).getHost();
      if (host == null) {
        return false;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.equals("localhost")
          || host.equals("[::1]")
          || host.equals("[0:0:0:0:0:0:0:1]")
          || host.matches(
              "127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The lifetime; a bad value ({@link #problems}) has kept the sandbox off already. */
  private static long ttl(String raw) {
    try {
      long ttl = raw == null ? DEFAULT_TTL : Long.parseLong(raw.trim());
      return ttl > 0 ? ttl : DEFAULT_TTL;
    } catch (NumberFormatException e) {
      return DEFAULT_TTL;
    }
  }

  /**
   * SANDBOX_LATENCY_MS (default 0, at most 10,000): how long each API request takes on the wire,
   * half before it arrives and half for its answer to come back, so that the app's waiting can be
   * measured offline. Read on every request like the rest; a value out of range keeps the sandbox
   * off ({@link #problems}).
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
