package com.livestormconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private static Settings parse(Map<String, String> env) {
    return Settings.parse(env::get);
  }

  private static Map<String, String> production() {
    Map<String, String> env = new HashMap<>();
    env.put("LIVESTORM_CLIENT_ID", "client-123");
    env.put("LIVESTORM_CLIENT_SECRET", "s3cret-value");
    env.put("LIVESTORM_SCOPES", "identity:read events:read");
    env.put("TOKEN_ENCRYPTION_KEY", KEY);
    env.put("APP_BASE_URL", "https://connect.example.com");
    return env;
  }

  @Test
  void withNothingSetItRunsTheSandboxOnLocalhost() {
    Settings settings = parse(Map.of());
    assertEquals(Mode.SANDBOX, settings.mode());
    assertEquals(URI.create("http://localhost:8080"), settings.appBaseUrl());
    assertEquals(
        URI.create("http://localhost:8080/sandbox/oauth/authorize"),
        settings.livestorm().authorizeUrl());
    assertEquals(
        URI.create("http://localhost:8080/sandbox/oauth/token"), settings.livestorm().tokenUrl());
    assertEquals(URI.create("http://localhost:8080/sandbox/api/v1"), settings.livestorm().apiUrl());
    assertEquals(
        URI.create("http://localhost:8080/connect/callback"), settings.livestorm().redirectUri());
    // Every individual scope: a registration the partner guide's rules allow (all ten would not).
    assertEquals(8, settings.livestorm().registeredScopes().size());
    assertFalse(settings.livestorm().registeredScopes().contains("full:read"));
    assertEquals(Settings.SANDBOX_CLIENT_ID, settings.livestorm().clientId());
    assertTrue(settings.database().isDerby());
    assertTrue(
        settings.database().url().endsWith("data/db;create=true"), settings.database().url());
    assertTrue(settings.encryptionKeys().current().isEmpty());
  }

  @Test
  void productionNeedsTheRegisteredScopes() {
    Map<String, String> env = production();
    env.remove("LIVESTORM_SCOPES");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(env));
    assertTrue(e.getMessage().contains("LIVESTORM_SCOPES"), e.getMessage());
  }

  @Test
  void aClientIdSwitchesToProductionWithLivestormsUrls() {
    Settings settings = parse(production());
    assertEquals(Mode.PRODUCTION, settings.mode());
    LivestormSettings livestorm = settings.livestorm();
    assertEquals(URI.create("https://app.livestorm.co/oauth/authorize"), livestorm.authorizeUrl());
    assertEquals(URI.create("https://app.livestorm.co/oauth/token"), livestorm.tokenUrl());
    assertEquals(URI.create("https://api.livestorm.co/v1"), livestorm.apiUrl());
    assertEquals(
        Optional.of(URI.create("https://app.livestorm.co/oauth/revoke")), livestorm.revokeUrl());
    assertEquals(
        URI.create("https://connect.example.com/connect/callback"), livestorm.redirectUri());
    assertEquals("client-123", livestorm.clientId().getValue());
    assertEquals("s3cret-value", livestorm.clientSecret().getValue());
    assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_POST, livestorm.clientAuthentication());
    assertEquals(Duration.ofSeconds(5), livestorm.connectTimeout());
    assertEquals(Duration.ofSeconds(30), livestorm.readTimeout());
    assertEquals(5, livestorm.rateLimitPerSecond());
    assertTrue(settings.isHttps());
  }

  @Test
  void sandboxModeCanBeForcedEvenWithCredentials() {
    Map<String, String> env = production();
    env.put("LIVESTORM_MODE", "sandbox");
    assertEquals(Mode.SANDBOX, parse(env).mode());
  }

  @Test
  void aSystemPropertyStyleLookupOverridesNothingElse() {
    Map<String, String> env = new HashMap<>();
    env.put("APP_BASE_URL", "http://127.0.0.1:9999/");
    Settings settings = parse(env);
    assertEquals(
        URI.create("http://127.0.0.1:9999"), settings.appBaseUrl(), "trailing slash dropped");
    assertEquals(URI.create("http://127.0.0.1:9999/sandbox/api/v1"), settings.livestorm().apiUrl());
  }

  @Test
  void everyProblemIsReportedWithTheVariableName() {
    Map<String, String> env = production();
    env.put("APP_BASE_URL", "not a url");
    env.put("TOKEN_ENCRYPTION_KEY", "%%%");
    env.put("LIVESTORM_RATE_LIMIT", "fast");
    env.put("LIVESTORM_TOKEN_URL", "ftp://example.com/token");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(env));
    String message = e.getMessage();
    assertTrue(message.contains("APP_BASE_URL"), message);
    assertTrue(message.contains("TOKEN_ENCRYPTION_KEY is not valid base64"), message);
    assertTrue(message.contains("LIVESTORM_RATE_LIMIT must be a whole number"), message);
    assertTrue(
        message.contains("LIVESTORM_TOKEN_URL must be an absolute http or https URL"), message);
  }

  @Test
  void productionNeedsAKeyAndASecret() {
    Map<String, String> env = production();
    env.remove("TOKEN_ENCRYPTION_KEY");
    env.remove("LIVESTORM_CLIENT_SECRET");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(env));
    assertTrue(
        e.getMessage().contains("TOKEN_ENCRYPTION_KEY is required in production mode"),
        e.getMessage());
    assertTrue(e.getMessage().contains("LIVESTORM_CLIENT_SECRET"), e.getMessage());
  }

  @Test
  void aKeyOfTheWrongLengthIsRefused() {
    Map<String, String> env = production();
    env.put("TOKEN_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(new byte[16]));
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(env));
    assertTrue(e.getMessage().contains("exactly 32 bytes, got 16"), e.getMessage());
  }

  @Test
  void theSecretCanComeFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "from-file-secret\n");
    Map<String, String> env = production();
    env.remove("LIVESTORM_CLIENT_SECRET");
    env.put("LIVESTORM_CLIENT_SECRET_FILE", file.toString());
    assertEquals("from-file-secret", parse(env).livestorm().clientSecret().getValue());
  }

  @Test
  void secretsNeverAppearInToString() {
    Map<String, String> env = production();
    env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1/app");
    env.put("DATABASE_PASSWORD", "db-password-value");
    String printed = parse(env).toString();
    assertFalse(printed.contains("s3cret-value"), printed);
    assertFalse(printed.contains("db-password-value"), printed);
    assertFalse(printed.contains(KEY), printed);
  }

  @Test
  void databaseUrlMustBeDerbyOrPostgres() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", "jdbc:mysql://127.0.0.1/app");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(env));
    assertTrue(e.getMessage().contains("DATABASE_URL"));
  }

  @Test
  void adminUsernamesAreCaseInsensitive() {
    Map<String, String> env = new HashMap<>();
    env.put("ADMIN_USERNAMES", " Alice, bob ,");
    assertEquals(java.util.Set.of("alice", "bob"), parse(env).adminUsernames());
  }

  /** The Livestorm part alone, as {@link Settings#parse} reads it for the given mode. */
  private static LivestormSettings livestorm(Map<String, String> env, Mode mode, String appBase) {
    Environment environment = new Environment(env::get);
    LivestormSettings livestorm = LivestormSettings.read(environment, mode, URI.create(appBase));
    environment.throwIfProblems();
    return livestorm;
  }

  @Test
  void basicClientAuthenticationCanBeChosen() {
    Map<String, String> env = production();
    env.put("LIVESTORM_CLIENT_AUTH", "client_secret_basic");
    assertEquals(
        ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
        livestorm(env, Mode.PRODUCTION, "https://connect.example.com").clientAuthentication());
    env.put("LIVESTORM_CLIENT_AUTH", "private_key_jwt");
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> livestorm(env, Mode.PRODUCTION, "https://connect.example.com"));
    assertTrue(
        e.getMessage().contains("LIVESTORM_CLIENT_AUTH must be client_secret_post"),
        e.getMessage());
  }

  @Test
  void theSandboxIsReachedUnderTheAppsOwnPath() {
    LivestormSettings sandbox = livestorm(Map.of(), Mode.SANDBOX, "http://127.0.0.1:8080/partner");
    assertEquals(
        URI.create("http://127.0.0.1:8080/partner/sandbox/oauth/authorize"),
        sandbox.authorizeUrl());
    assertEquals(
        URI.create("http://127.0.0.1:8080/partner/sandbox/oauth/token"), sandbox.tokenUrl());
    assertEquals(
        URI.create("http://127.0.0.1:8080/partner/sandbox/oauth/revoke"),
        sandbox.revokeUrl().orElseThrow());
    assertEquals(URI.create("http://127.0.0.1:8080/partner/sandbox/api/v1"), sandbox.apiUrl());
    assertEquals(
        URI.create("http://127.0.0.1:8080/partner/connect/callback"), sandbox.redirectUri());
    assertEquals(Settings.SANDBOX_CLIENT_ID, sandbox.clientId());
    assertEquals(Settings.SANDBOX_CLIENT_SECRET, sandbox.clientSecret());
  }

  @Test
  void aBadLatencySettingStopsStartUpNamingTheVariable() {
    ConfigurationException latency =
        assertThrows(
            ConfigurationException.class, () -> parse(Map.of("SANDBOX_LATENCY_MS", "soon")));
    assertTrue(latency.getMessage().contains("SANDBOX_LATENCY_MS"), latency.getMessage());
  }

  @Test
  void revocationIsOnByDefaultInProductionAndNoneTurnsItOffInAnyCase() {
    for (String none : new String[] {"none", "NONE", " None "}) {
      Map<String, String> env = production();
      env.put("LIVESTORM_REVOKE_URL", none);
      assertTrue(parse(env).livestorm().revokeUrl().isEmpty(), none);
    }
    Map<String, String> empty = production();
    empty.put("LIVESTORM_REVOKE_URL", "");
    assertEquals(
        Optional.of(URI.create("https://app.livestorm.co/oauth/revoke")),
        parse(empty).livestorm().revokeUrl(),
        "an empty value (as the compose file passes) keeps the default");
    Map<String, String> own = production();
    own.put("LIVESTORM_REVOKE_URL", "https://auth.example.com/revoke");
    assertEquals(
        Optional.of(URI.create("https://auth.example.com/revoke")),
        parse(own).livestorm().revokeUrl());
  }

  @Test
  void productionRefusesPlainHttpNamingEachVariable() {
    Map<String, String> env = production();
    env.put("APP_BASE_URL", "http://connect.example.com");
    env.put("LIVESTORM_AUTHORIZE_URL", "http://app.livestorm.co/oauth/authorize");
    env.put("LIVESTORM_TOKEN_URL", "http://app.livestorm.co/oauth/token");
    env.put("LIVESTORM_REVOKE_URL", "http://app.livestorm.co/oauth/revoke");
    env.put("LIVESTORM_API_URL", "http://api.livestorm.co/v1");
    env.put("LIVESTORM_REDIRECT_URI", "http://connect.example.com/connect/callback");
    String message = assertThrows(ConfigurationException.class, () -> parse(env)).getMessage();
    for (String name :
        new String[] {
          "APP_BASE_URL",
          "LIVESTORM_AUTHORIZE_URL",
          "LIVESTORM_TOKEN_URL",
          "LIVESTORM_REVOKE_URL",
          "LIVESTORM_API_URL",
          "LIVESTORM_REDIRECT_URI"
        }) {
      assertTrue(message.contains(name + " must be an https URL in production mode"), message);
    }
  }

  @Test
  void theDefaultRedirectUriFollowsAnHttpAppBaseUrlAndIsRefusedToo() {
    Map<String, String> env = production();
    env.put("APP_BASE_URL", "http://connect.example.com");
    String message = assertThrows(ConfigurationException.class, () -> parse(env)).getMessage();
    assertTrue(message.contains("LIVESTORM_REDIRECT_URI must be an https URL"), message);
  }

  @Test
  void productionAllowsPlainHttpToLoopbackHostsOnly() {
    for (String host : new String[] {"localhost", "127.0.0.1", "127.1.2.3", "[::1]"}) {
      Map<String, String> env = production();
      env.put("APP_BASE_URL", "http://" + host + ":8080");
      env.put("LIVESTORM_API_URL", "http://" + host + ":9090/v1");
      assertEquals(Mode.PRODUCTION, parse(env).mode(), host);
    }
    Map<String, String> env = production();
    env.put("LIVESTORM_API_URL", "http://127.0.0.1.evil.example/v1");
    assertThrows(ConfigurationException.class, () -> parse(env));
  }

  @Test
  void trustedProxiesAreCidrBlocksOfEitherFamily() {
    Map<String, String> env = production();
    env.put("TRUSTED_PROXIES", " 10.0.0.0/8, 192.168.1.7 ,fd00::/8, ::1");
    TrustedProxies proxies = parse(env).trustedProxies();
    assertTrue(proxies.contains("10.200.3.4"));
    assertTrue(proxies.contains("192.168.1.7"));
    assertFalse(proxies.contains("192.168.1.8"));
    assertTrue(proxies.contains("fd12:3456::1"));
    assertTrue(proxies.contains("0:0:0:0:0:0:0:1"));
    assertFalse(proxies.contains("fe80::1"));
    assertFalse(proxies.contains("11.0.0.1"));
    assertFalse(proxies.contains("not-an-address"));
  }

  @Test
  void trustedProxiesDefaultToNoneAndRefuseHostNamesAndBadPrefixes() {
    assertTrue(parse(production()).trustedProxies().isEmpty());
    for (String bad :
        new String[] {
          "proxy.example.com",
          "10.0.0.0/33",
          "fd00::/129",
          "10.0.0/8",
          "10.0.0.0/-1",
          "1.2.3.4/8/9",
          "256.1.1.1"
        }) {
      Map<String, String> env = production();
      env.put("TRUSTED_PROXIES", bad);
      String message =
          assertThrows(ConfigurationException.class, () -> parse(env), bad).getMessage();
      assertTrue(message.contains("TRUSTED_PROXIES"), message);
    }
  }

  @Test
  void signUpIsOpenUnlessClosed() {
    assertTrue(parse(production()).signupOpen());
    Map<String, String> env = production();
    env.put("SIGNUP", "closed");
    assertFalse(parse(env).signupOpen());
    env.put("SIGNUP", "maybe");
    assertTrue(
        assertThrows(ConfigurationException.class, () -> parse(env))
            .getMessage()
            .contains("SIGNUP"));
  }

  @Test
  void fiveNewAccountsPerAddressAnHourUnlessTheOperatorSaysOtherwise() {
    assertEquals(5, parse(production()).signupLimitPerHour());
    Map<String, String> env = production();
    env.put("SIGNUP_LIMIT_PER_HOUR", "20");
    assertEquals(20, parse(env).signupLimitPerHour());
    env.put("SIGNUP_LIMIT_PER_HOUR", "0");
    assertTrue(
        assertThrows(ConfigurationException.class, () -> parse(env))
            .getMessage()
            .contains("SIGNUP_LIMIT_PER_HOUR"));
  }

  @Test
  void theFirstAccountIsAdministratorOnlyInTheSandboxOnALoopbackAddress() {
    assertTrue(parse(Map.of()).firstAccountIsAdmin());
    assertFalse(
        parse(Map.of("APP_BASE_URL", "https://demo.example.com", "LIVESTORM_MODE", "sandbox"))
            .firstAccountIsAdmin());
    Map<String, String> env = production();
    env.put("APP_BASE_URL", "http://localhost:8080");
    assertFalse(parse(env).firstAccountIsAdmin());
  }

  @Test
  void withoutClientIdOnAPublicBaseUrlStartUpFailsNamingTheClientId() {
    Map<String, String> env = new HashMap<>();
    env.put("APP_BASE_URL", "https://connect.example.com");
    env.put("TOKEN_ENCRYPTION_KEY", KEY);
    env.put("LIVESTORM_CLIENT_SECRET", "s3cret-value");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(env));
    assertTrue(e.getMessage().contains("LIVESTORM_CLIENT_ID"), e.getMessage());
  }

  @Test
  void withoutClientIdTheSandboxStartsOnlyOnLoopbackOrWhenAskedFor() {
    for (String base :
        new String[] {
          "http://localhost:8080",
          "http://127.0.0.1:9000",
          "http://127.10.0.1",
          "http://[::1]:8080",
          "http://LOCALHOST"
        }) {
      assertEquals(Mode.SANDBOX, parse(Map.of("APP_BASE_URL", base)).mode(), base);
    }
    for (String base :
        new String[] {
          "http://10.0.0.5:8080",
          "http://127.0.0.1.nip.io",
          "http://localhost.example.com",
          "http://[::2]",
          "http://128.0.0.1",
          "http://127.0.0.256"
        }) {
      assertThrows(ConfigurationException.class, () -> parse(Map.of("APP_BASE_URL", base)), base);
    }
    assertEquals(
        Mode.SANDBOX,
        parse(Map.of("APP_BASE_URL", "https://demo.example.com", "LIVESTORM_MODE", "sandbox"))
            .mode());
  }

  @Test
  void theClientIdCanComeFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("client-id");
    Files.writeString(file, "id-from-file\n");
    Map<String, String> env = production();
    env.remove("LIVESTORM_CLIENT_ID");
    env.put("LIVESTORM_CLIENT_ID_FILE", file.toString());
    Settings settings = parse(env);
    assertEquals(Mode.PRODUCTION, settings.mode());
    assertEquals("id-from-file", settings.livestorm().clientId().getValue());
  }

  @Test
  void aClientIdFileAloneMeansProductionEvenOnLoopback(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("client-id");
    Files.writeString(file, "id-from-file");
    Map<String, String> env = new HashMap<>();
    env.put("APP_BASE_URL", "http://127.0.0.1:8080");
    env.put("LIVESTORM_CLIENT_ID_FILE", file.toString());
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(env));
    assertTrue(
        e.getMessage().contains("TOKEN_ENCRYPTION_KEY is required in production mode"),
        e.getMessage());
  }

  @Test
  void metricsTokenAndLogFormatAreCheckedAndTheTokenIsNeverPrinted() {
    Settings defaults = parse(Map.of());
    assertTrue(defaults.operations().metricsToken().isEmpty());
    assertEquals(OperationsSettings.LogFormat.SERVER, defaults.operations().logFormat());

    Settings set =
        parse(Map.of("METRICS_TOKEN", "a-long-enough-scrape-token", "LOG_FORMAT", "JSON"));
    assertEquals("a-long-enough-scrape-token", set.operations().metricsToken().orElseThrow());
    assertEquals(OperationsSettings.LogFormat.JSON, set.operations().logFormat());
    assertFalse(set.toString().contains("a-long-enough-scrape-token"), set.toString());

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> parse(Map.of("METRICS_TOKEN", "short", "LOG_FORMAT", "xml")));
    assertTrue(
        e.getMessage().contains("METRICS_TOKEN must be at least 16 characters"), e.getMessage());
    assertTrue(
        e.getMessage().contains("LOG_FORMAT must be server, text or json, got 'xml'"),
        e.getMessage());
    assertFalse(e.getMessage().contains("short"), e.getMessage());
  }
}
