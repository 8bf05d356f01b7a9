package com.livestormconnect.config;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
    OperationsSettings operations) {

  /** The client the in-WAR sandbox has registered for us; public on purpose, it guards nothing. */
  public static final ClientID SANDBOX_CLIENT_ID = new ClientID("livestorm-connect-sandbox");

  public static final Secret SANDBOX_CLIENT_SECRET = new Secret("sandbox-secret-not-for-production");

  static final String ALL_SCOPES =
      "identity:read identity:write events:read events:write admin:read admin:write"
          + " webhooks:read webhooks:write full:read full:write";

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
    Mode mode = mode(env);
    // With a bad APP_BASE_URL, the rest is still checked (against the default) so that one start
    // reports every problem.
    LivestormSettings livestorm =
        livestorm(env, mode, appBaseUrl != null ? appBaseUrl : URI.create("http://localhost:8080"));
    DatabaseSettings database = DatabaseSettings.read(env, dataDir);
    EncryptionKeys keys = EncryptionKeys.read(env);
    if (mode == Mode.PRODUCTION && keys.current().isEmpty()) {
      env.problem("TOKEN_ENCRYPTION_KEY", "is required in production mode (base64 of 32 bytes;"
          + " generate one with: openssl rand -base64 32)");
    }
    boolean development = env.flag("APP_DEVELOPMENT", false);
    Set<String> admins =
        Arrays.stream(env.text("ADMIN_USERNAMES", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    OperationsSettings operations = OperationsSettings.read(env);
    env.throwIfProblems();
    return new Settings(mode, appBaseUrl, dataDir, development, admins, livestorm, database, keys,
        operations);
  }

  static Path dataDir(Environment env) {
    String raw = env.text("DATA_DIR", "data");
    try {
      return Path.of(raw).toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      env.problem("DATA_DIR", "is not a valid path: '" + raw + "'");
      return Path.of("data").toAbsolutePath();
    }
  }

  private static Mode mode(Environment env) {
    Optional<String> explicit = env.text("LIVESTORM_MODE");
    if (explicit.isPresent()) {
      switch (explicit.get().toLowerCase(Locale.ROOT)) {
        case "sandbox":
          return Mode.SANDBOX;
        case "production":
          return Mode.PRODUCTION;
        default:
          env.problem("LIVESTORM_MODE", "must be sandbox or production, got '" + explicit.get() + "'");
      }
    }
    return env.text("LIVESTORM_CLIENT_ID").isPresent() ? Mode.PRODUCTION : Mode.SANDBOX;
  }

  private static LivestormSettings livestorm(Environment env, Mode mode, URI appBaseUrl) {
    ClientID clientId;
    Secret secret;
    URI authorize;
    URI token;
    Optional<URI> revoke;
    URI api;
    if (mode == Mode.SANDBOX) {
      clientId = SANDBOX_CLIENT_ID;
      secret = SANDBOX_CLIENT_SECRET;
      authorize = appBaseUrl.resolve(appBaseUrl.getPath() + "/sandbox/oauth/authorize");
      token = appBaseUrl.resolve(appBaseUrl.getPath() + "/sandbox/oauth/token");
      revoke = Optional.of(appBaseUrl.resolve(appBaseUrl.getPath() + "/sandbox/oauth/revoke"));
      api = appBaseUrl.resolve(appBaseUrl.getPath() + "/sandbox/api/v1");
    } else {
      clientId = env.text("LIVESTORM_CLIENT_ID").map(ClientID::new).orElse(null);
      if (clientId == null) {
        env.problem("LIVESTORM_CLIENT_ID", "is required in production mode");
      }
      secret = env.secret("LIVESTORM_CLIENT_SECRET").map(Secret::new).orElse(null);
      if (secret == null) {
        env.problem("LIVESTORM_CLIENT_SECRET", "(or LIVESTORM_CLIENT_SECRET_FILE) is required in"
            + " production mode");
      }
      authorize = env.url("LIVESTORM_AUTHORIZE_URL", "https://app.livestorm.co/oauth/authorize");
      token = env.url("LIVESTORM_TOKEN_URL", "https://app.livestorm.co/oauth/token");
      revoke = Optional.ofNullable(env.url("LIVESTORM_REVOKE_URL", null));
      api = withoutTrailingSlash(env.url("LIVESTORM_API_URL", "https://api.livestorm.co/v1"));
    }
    URI redirect =
        env.url("LIVESTORM_REDIRECT_URI", appBaseUrl + "/connect/callback");
    Scope scopes = Scope.parse(env.text("LIVESTORM_SCOPES", ALL_SCOPES));
    ClientAuthenticationMethod auth = clientAuthentication(env);
    Duration connectTimeout =
        Duration.ofSeconds(env.integer("LIVESTORM_CONNECT_TIMEOUT", 5, 1, 300));
    Duration readTimeout = Duration.ofSeconds(env.integer("LIVESTORM_READ_TIMEOUT", 30, 1, 600));
    Duration margin = Duration.ofSeconds(env.integer("LIVESTORM_REFRESH_MARGIN", 300, 0, 3600));
    int rate = env.integer("LIVESTORM_RATE_LIMIT", 5, 1, 1000);
    return new LivestormSettings(clientId, secret, auth, authorize, token, revoke, api, redirect,
        scopes, connectTimeout, readTimeout, margin, rate);
  }

  private static ClientAuthenticationMethod clientAuthentication(Environment env) {
    String raw = env.text("LIVESTORM_CLIENT_AUTH", "client_secret_post");
    if (raw.equals("client_secret_post")) {
      return ClientAuthenticationMethod.CLIENT_SECRET_POST;
    }
    if (raw.equals("client_secret_basic")) {
      return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
    }
    env.problem("LIVESTORM_CLIENT_AUTH", "must be client_secret_post or client_secret_basic");
    return ClientAuthenticationMethod.CLIENT_SECRET_POST;
  }

  private static URI withoutTrailingSlash(URI uri) {
    if (uri == null || !uri.toString().endsWith("/")) {
      return uri;
    }
    String s = uri.toString();
    return URI.create(s.substring(0, s.length() - 1));
  }

  public boolean isSandbox() {
    return mode == Mode.SANDBOX;
  }

  public boolean isHttps() {
    return "https".equals(appBaseUrl.getScheme());
  }
}
