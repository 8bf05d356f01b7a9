package com.livestormconnect.config;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting of the app, read once from environment variables (a system property of the same
 * name wins) and validated as a whole: {@link #parse} either returns complete settings or throws a
 * {@link ConfigurationException} naming each bad variable.
 */
public record Settings(
    Mode mode,
    URI appBaseUrl,
    Path dataDir,
    boolean development,
    Set<String> adminUsernames,
    LivestormSettings livestorm,
    DatabaseSettings database,
    EncryptionKeys encryptionKeys,
    TrustedProxies trustedProxies,
    boolean signupOpen,
    int signupLimitPerHour,
    OperationsSettings operations,
    BudgetSettings budget,
    SyncSettings sync,
    WebhookSettings webhooks,
    PartnerSettings partner) {

  /** The client the in-WAR sandbox has registered for us; public on purpose, it guards nothing. */
  public static final ClientID SANDBOX_CLIENT_ID = new ClientID("livestorm-connect-sandbox");

  public static final Secret SANDBOX_CLIENT_SECRET =
      new Secret("sandbox-secret-not-for-production");

  public static Settings fromEnvironment() {
    return parse(Environment.system());
  }

  /** For tests: settings from a lookup function instead of the process environment. */
  public static Settings parse(Function<String, String> lookup) {
    return parse(new Environment(lookup));
  }

  private static Settings parse(Environment env) {
    URI appBaseUrl = withoutTrailingSlash(env.url("APP_BASE_URL", "http://localhost:8080"));
    Path dataDir = dataDir(env);
    Mode mode = mode(env, appBaseUrl);
    // With a bad APP_BASE_URL, the rest is still checked (against the default) so that one start
    // reports every problem.
    LivestormSettings livestorm =
        LivestormSettings.read(
            env, mode, appBaseUrl != null ? appBaseUrl : URI.create("http://localhost:8080"));
    DatabaseSettings database = DatabaseSettings.read(env, dataDir);
    EncryptionKeys keys = EncryptionKeys.read(env);
    if (mode == Mode.PRODUCTION && keys.current().isEmpty()) {
      env.problem(
          "TOKEN_ENCRYPTION_KEY",
          "is required in production mode (base64 of 32 bytes;"
              + " generate one with: openssl rand -base64 32)");
    }
    boolean development = env.flag("APP_DEVELOPMENT", false);
    Set<String> admins =
        Arrays.stream(env.text("ADMIN_USERNAMES", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    // How long pages may reuse a connection's Livestorm answers (0 = never).
    // Read by the sandbox itself (it imports nothing from the app); checked here so a bad value
    // stops start-up like any other.
    env.integer("SANDBOX_LATENCY_MS", 0, 0, 10_000);
    TrustedProxies proxies = TrustedProxies.read(env);
    boolean signupOpen = signup(env);
    // New accounts per client address (IPv6: per /64) in any hour, for the whole cluster.
    int signupLimit = env.integer("SIGNUP_LIMIT_PER_HOUR", 5, 1, 500);
    if (mode == Mode.PRODUCTION) {
      requireHttps(env, "APP_BASE_URL", appBaseUrl);
      requireHttps(env, "LIVESTORM_AUTHORIZE_URL", livestorm.authorizeUrl());
      requireHttps(env, "LIVESTORM_TOKEN_URL", livestorm.tokenUrl());
      requireHttps(env, "LIVESTORM_REVOKE_URL", livestorm.revokeUrl().orElse(null));
      requireHttps(env, "LIVESTORM_API_URL", livestorm.apiUrl());
      requireHttps(env, "LIVESTORM_REDIRECT_URI", livestorm.redirectUri());
    }
    OperationsSettings operations = OperationsSettings.read(env);
    BudgetSettings budget = BudgetSettings.read(env);
    SyncSettings sync = SyncSettings.read(env);
    WebhookSettings webhooks = WebhookSettings.read(env);
    PartnerSettings partner = PartnerSettings.read(env);
    env.throwIfProblems();
    return new Settings(
        mode,
        appBaseUrl,
        dataDir,
        development,
        admins,
        livestorm,
        database,
        keys,
        proxies,
        signupOpen,
        signupLimit,
        operations,
        budget,
        sync,
        webhooks,
        partner);
  }

  /**
   * In production, tokens, codes and session cookies travel over these URLs: plain http is allowed
   * only to a loopback host (tests, or a TLS sidecar on the same machine).
   */
  private static void requireHttps(Environment env, String name, URI url) {
    if (url != null && !"https".equals(url.getScheme()) && !isLoopback(url)) {
      env.problem(
          name,
          "must be an https URL in production mode (plain http only to localhost),"
              + " got '"
              + url
              + "'");
    }
  }

  private static boolean signup(Environment env) {
    String raw = env.text("SIGNUP", "open").toLowerCase(Locale.ROOT);
    switch (raw) {
      case "open":
        return true;
      case "closed":
        return false;
      default:
        env.problem("SIGNUP", "must be open or closed, got '" + raw + "'");
        return true;
    }
  }

  static Path dataDir(Environment env) {
    return env.dataDir();
  }

  /**
   * Sandbox mode only when asked for (LIVESTORM_MODE=sandbox) or on a loopback APP_BASE_URL: a
   * public server that merely lacks LIVESTORM_CLIENT_ID fails closed (production mode, whose
   * missing client id then stops start-up) instead of serving the sandbox's public client secret
   * and test controls.
   */
  private static Mode mode(Environment env, URI appBaseUrl) {
    Optional<String> explicit = env.text("LIVESTORM_MODE");
    if (explicit.isPresent()) {
      switch (explicit.get().toLowerCase(Locale.ROOT)) {
        case "sandbox":
          return Mode.SANDBOX;
        case "production":
          return Mode.PRODUCTION;
        default:
          env.problem(
              "LIVESTORM_MODE", "must be sandbox or production, got '" + explicit.get() + "'");
      }
    }
    boolean clientId =
        env.text("LIVESTORM_CLIENT_ID").isPresent()
            || env.text("LIVESTORM_CLIENT_ID_FILE").isPresent();
    return clientId || !isLoopback(appBaseUrl) ? Mode.PRODUCTION : Mode.SANDBOX;
  }

  /**
   * Whether the URL's host is this machine: {@code localhost}, 127.0.0.0/8 or ::1. Decided from the
   * text alone (IP literals are parsed, names are never resolved), so DNS cannot change the answer.
   */
  static boolean isLoopback(URI url) {
    String host = url == null ? null : url.getHost();
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.equals("localhost")) {
      return true;
    }
    if (host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      return Arrays.stream(host.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
    }
    if (host.startsWith("[") && host.endsWith("]") && host.matches("\\[[0-9a-f:]+\\]")) {
      try {
        return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  static URI withoutTrailingSlash(URI uri) {
    if (uri == null || !uri.toString().endsWith("/")) {
      return uri;
    }
    String s = uri.toString();
    return URI.create(s.substring(0, s.length() - 1));
  }

  public boolean isSandbox() {
    return mode == Mode.SANDBOX;
  }

  /**
   * Sandbox mode on this machine only (APP_BASE_URL on a loopback host): the first account is an
   * administrator, for convenience. Everywhere else only the setup code or an administrator can
   * make one.
   */
  public boolean firstAccountIsAdmin() {
    return isSandbox() && isLoopback(appBaseUrl);
  }

  public boolean isHttps() {
    return "https".equals(appBaseUrl.getScheme());
  }
}
