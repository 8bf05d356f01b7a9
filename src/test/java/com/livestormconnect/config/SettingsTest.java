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
    assertEquals(URI.create("http://localhost:8080/sandbox/oauth/authorize"), settings.livestorm().authorizeUrl());
    assertEquals(URI.create("http://localhost:8080/sandbox/oauth/token"), settings.livestorm().tokenUrl());
    assertEquals(URI.create("http://localhost:8080/sandbox/api/v1"), settings.livestorm().apiUrl());
    assertEquals(URI.create("http://localhost:8080/connect/callback"), settings.livestorm().redirectUri());
    assertEquals(10, settings.livestorm().registeredScopes().size());
    assertEquals(Settings.SANDBOX_CLIENT_ID, settings.livestorm().clientId());
    assertTrue(settings.database().isDerby());
    assertTrue(settings.database().url().endsWith("data/db;create=true"), settings.database().url());
    assertTrue(settings.encryptionKeys().current().isEmpty());
  }

  @Test
  void aClientIdSwitchesToProductionWithLivestormsUrls() {
    Settings settings = parse(production());
    assertEquals(Mode.PRODUCTION, settings.mode());
    LivestormSettings livestorm = settings.livestorm();
    assertEquals(URI.create("https://app.livestorm.co/oauth/authorize"), livestorm.authorizeUrl());
    assertEquals(URI.create("https://app.livestorm.co/oauth/token"), livestorm.tokenUrl());
    assertEquals(URI.create("https://api.livestorm.co/v1"), livestorm.apiUrl());
    assertTrue(livestorm.revokeUrl().isEmpty());
    assertEquals(URI.create("https://connect.example.com/connect/callback"), livestorm.redirectUri());
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
    assertEquals(URI.create("http://127.0.0.1:9999"), settings.appBaseUrl(), "trailing slash dropped");
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
    assertTrue(message.contains("LIVESTORM_TOKEN_URL must be an absolute http or https URL"), message);
  }

  @Test
  void productionNeedsAKeyAndASecret() {
    Map<String, String> env = production();
    env.remove("TOKEN_ENCRYPTION_KEY");
    env.remove("LIVESTORM_CLIENT_SECRET");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(env));
    assertTrue(e.getMessage().contains("TOKEN_ENCRYPTION_KEY is required in production mode"), e.getMessage());
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

  @Test
  void basicClientAuthenticationCanBeChosen() {
    Map<String, String> env = production();
    env.put("LIVESTORM_CLIENT_AUTH", "client_secret_basic");
    assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, parse(env).livestorm().clientAuthentication());
    env.put("LIVESTORM_CLIENT_AUTH", "private_key_jwt");
    assertThrows(ConfigurationException.class, () -> parse(env));
  }

  @Test
  void metricsTokenAndLogFormatAreCheckedAndTheTokenIsNeverPrinted() {
    Settings defaults = parse(Map.of());
    assertTrue(defaults.operations().metricsToken().isEmpty());
    assertEquals(OperationsSettings.LogFormat.SERVER, defaults.operations().logFormat());

    Settings set = parse(Map.of("METRICS_TOKEN", "a-long-enough-scrape-token", "LOG_FORMAT", "JSON"));
    assertEquals("a-long-enough-scrape-token", set.operations().metricsToken().orElseThrow());
    assertEquals(OperationsSettings.LogFormat.JSON, set.operations().logFormat());
    assertFalse(set.toString().contains("a-long-enough-scrape-token"), set.toString());

    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> parse(Map.of("METRICS_TOKEN", "short", "LOG_FORMAT", "xml")));
    assertTrue(e.getMessage().contains("METRICS_TOKEN must be at least 16 characters"), e.getMessage());
    assertTrue(e.getMessage().contains("LOG_FORMAT must be server, text or json, got 'xml'"), e.getMessage());
    assertFalse(e.getMessage().contains("short"), e.getMessage());
  }
}
