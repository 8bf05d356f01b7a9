package com.livestormconnect.config;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Livestorm (or the in-WAR sandbox) and who we are to it. The client secret is a
 * Nimbus {@link Secret}, whose value is never printed.
 */
public record LivestormSettings(
    ClientID clientId,
    Secret clientSecret,
    ClientAuthenticationMethod clientAuthentication,
    URI authorizeUrl,
    URI tokenUrl,
    Optional<URI> revokeUrl,
    URI apiUrl,
    URI redirectUri,
    Scope registeredScopes,
    Duration connectTimeout,
    Duration readTimeout,
    Duration refreshMargin,
    int rateLimitPerSecond) {

  /**
   * The sandbox's registration when LIVESTORM_SCOPES is unset: every individual scope, which
   * follows the partner guide's rules (all ten would break "full:write alone").
   */
  static final String SANDBOX_SCOPES =
      "identity:read identity:write events:read events:write admin:read admin:write"
          + " webhooks:read webhooks:write";

  /**
   * In sandbox mode, the in-WAR sandbox under {@code appBaseUrl} with the client it has registered
   * for us; in production, Livestorm's URLs (or those given) and the registration's client id,
   * secret and scopes, which are then required.
   */
  static LivestormSettings read(Environment env, Mode mode, URI appBaseUrl) {
    ClientID clientId;
    Secret secret;
    URI authorize;
    URI token;
    Optional<URI> revoke;
    URI api;
    if (mode == Mode.SANDBOX) {
      clientId = Settings.SANDBOX_CLIENT_ID;
      secret = Settings.SANDBOX_CLIENT_SECRET;
      authorize = appBaseUrl.resolve(appBaseUrl.getPath() + "/sandbox/oauth/authorize");
      token = appBaseUrl.resolve(appBaseUrl.getPath() + "/sandbox/oauth/token");
      revoke = Optional.of(appBaseUrl.resolve(appBaseUrl.getPath() + "/sandbox/oauth/revoke"));
      api = appBaseUrl.resolve(appBaseUrl.getPath() + "/sandbox/api/v1");
    } else {
      clientId = env.secret("LIVESTORM_CLIENT_ID").map(ClientID::new).orElse(null);
      if (clientId == null) {
        env.problem(
            "LIVESTORM_CLIENT_ID",
            "(or LIVESTORM_CLIENT_ID_FILE) is required in production"
                + " mode; production is the mode unless LIVESTORM_MODE=sandbox or APP_BASE_URL is a"
                + " loopback address (localhost, 127.0.0.1, [::1])");
      }
      secret = env.secret("LIVESTORM_CLIENT_SECRET").map(Secret::new).orElse(null);
      if (secret == null) {
        env.problem(
            "LIVESTORM_CLIENT_SECRET",
            "(or LIVESTORM_CLIENT_SECRET_FILE) is required in" + " production mode");
      }
      authorize = env.url("LIVESTORM_AUTHORIZE_URL", "https://app.livestorm.co/oauth/authorize");
      token = env.url("LIVESTORM_TOKEN_URL", "https://app.livestorm.co/oauth/token");
      // Doorkeeper serves RFC 7009 revocation at /oauth/revoke by default; whether Livestorm
      // exposes it is unknown, so it is tried (a failure is reported as such) unless the operator
      // says "none", and then disconnecting says that Livestorm was not told.
      revoke =
          "none".equalsIgnoreCase(env.text("LIVESTORM_REVOKE_URL", ""))
              ? Optional.empty()
              : Optional.ofNullable(
                  env.url("LIVESTORM_REVOKE_URL", "https://app.livestorm.co/oauth/revoke"));
      api =
          Settings.withoutTrailingSlash(
              env.url("LIVESTORM_API_URL", "https://api.livestorm.co/v1"));
    }
    URI redirect = env.url("LIVESTORM_REDIRECT_URI", appBaseUrl + "/connect/callback");
    // The registration Livestorm holds for the app: it cannot be guessed in production.
    if (mode == Mode.PRODUCTION && env.text("LIVESTORM_SCOPES").isEmpty()) {
      env.problem(
          "LIVESTORM_SCOPES",
          "is required in production mode: the scopes the app is"
              + " registered with at Livestorm, space-separated (e.g. identity:read events:read)");
    }
    Scope scopes = Scope.parse(env.text("LIVESTORM_SCOPES", SANDBOX_SCOPES));
    ClientAuthenticationMethod auth = clientAuthentication(env);
    Duration connectTimeout =
        Duration.ofSeconds(env.integer("LIVESTORM_CONNECT_TIMEOUT", 5, 1, 300));
    Duration readTimeout = Duration.ofSeconds(env.integer("LIVESTORM_READ_TIMEOUT", 30, 1, 600));
    Duration margin = Duration.ofSeconds(env.integer("LIVESTORM_REFRESH_MARGIN", 300, 0, 3600));
    int rate = env.integer("LIVESTORM_RATE_LIMIT", 5, 1, 1000);
    return new LivestormSettings(
        clientId,
        secret,
        auth,
        authorize,
        token,
        revoke,
        api,
        redirect,
        scopes,
        connectTimeout,
        readTimeout,
        margin,
        rate);
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

  @Override
  public String toString() {
    return "LivestormSettings[clientId="
        + clientId
        + ", clientSecret=<redacted>, authorizeUrl="
        + authorizeUrl
        + ", tokenUrl="
        + tokenUrl
        + ", apiUrl="
        + apiUrl
        + ", redirectUri="
        + redirectUri
        + ", registeredScopes="
        + registeredScopes
        + "]";
  }
}
