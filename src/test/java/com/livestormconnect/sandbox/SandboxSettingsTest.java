package com.livestormconnect.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {
  private static SandboxSettings read(Map<String, String> env) {
    return SandboxSettings.read(env::get);
  }

  @Test
  void sandboxIsOnWithoutClientIdAndOffWithOne() {
    assertTrue(read(Map.of()).enabled());
    assertFalse(read(Map.of("LIVESTORM_CLIENT_ID", "real")).enabled());
  }

  @Test
  void withoutClientIdTheSandboxRunsOnlyOnALoopbackBaseUrl() {
    assertTrue(read(Map.of("APP_BASE_URL", "http://127.0.0.1:9000")).enabled());
    assertTrue(read(Map.of("APP_BASE_URL", "http://[::1]:9000")).enabled());
    assertFalse(read(Map.of("APP_BASE_URL", "https://connect.example.com")).enabled());
    assertFalse(read(Map.of("APP_BASE_URL", "http://127.0.0.1.example.com")).enabled());
    assertFalse(read(Map.of("LIVESTORM_CLIENT_ID_FILE", "/run/secrets/id")).enabled());
    assertTrue(
        read(Map.of("APP_BASE_URL", "https://connect.example.com", "LIVESTORM_MODE", "sandbox"))
            .enabled());
  }

  @Test
  void explicitModeWinsOverTheClientId() {
    assertTrue(read(Map.of("LIVESTORM_CLIENT_ID", "real", "LIVESTORM_MODE", "sandbox")).enabled());
    assertFalse(read(Map.of("LIVESTORM_MODE", "PRODUCTION")).enabled());
  }

  @Test
  void redirectUriDefaultsToTheCallbackUnderTheBaseUrlWithoutTrailingSlash() {
    assertEquals("http://localhost:8080/connect/callback", read(Map.of()).redirectUri());
    assertEquals(
        "https://app.example/connect/callback",
        read(Map.of("APP_BASE_URL", "https://app.example/")).redirectUri());
    assertEquals(
        "https://x.example/cb",
        read(Map.of("LIVESTORM_REDIRECT_URI", "https://x.example/cb")).redirectUri());
  }

  @Test
  void registeredScopesDefaultToTheEightIndividualScopesAndCanBeNarrowed() {
    // All ten would break the partner guide's rules (full:write stands alone).
    assertEquals(SandboxSettings.DEFAULT_SCOPES, read(Map.of()).registeredScopes());
    assertEquals(8, read(Map.of()).registeredScopes().size());
    assertEquals(
        List.of("events:read", "identity:read"),
        read(Map.of("LIVESTORM_SCOPES", " events:read  identity:read ")).registeredScopes());
  }

  @Test
  void tokenLifetimeIs7200SecondsUnlessSet() {
    assertEquals(7200, read(Map.of()).tokenTtlSeconds());
    assertEquals(3, read(Map.of("SANDBOX_TOKEN_TTL", "3")).tokenTtlSeconds());
  }

  /**
   * A bad sandbox setting is not silently replaced by its default, which would hide the mistake
   * behind a sandbox that seems to work: the sandbox stays off (every /sandbox path answers 404)
   * and the problem names the variable.
   */
  @Test
  void aBadSandboxSettingKeepsTheSandboxOffAndNamesTheVariable() {
    for (Map<String, String> bad :
        List.of(
            Map.of("SANDBOX_TOKEN_TTL", "soon"),
            Map.of("SANDBOX_TOKEN_TTL", "-5"),
            Map.of("SANDBOX_TOKEN_TTL", "0"),
            Map.of("SANDBOX_LATENCY_MS", "99999999"),
            Map.of("SANDBOX_LATENCY_MS", "soon"),
            Map.of("SANDBOX_MONTHLY_QUOTA", "lots"),
            Map.of("SANDBOX_MONTHLY_QUOTA", "0"),
            Map.of("SANDBOX_REFRESH_ROTATION", "sometimes"))) {
      assertFalse(read(bad).enabled(), bad.toString());
      String variable = bad.keySet().iterator().next();
      List<String> problems = SandboxSettings.problems(bad::get);
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(problems.get(0).startsWith(variable + " "), problems.toString());
    }
    assertEquals(
        List.of(),
        SandboxSettings.problems(
            Map.of(
                    "SANDBOX_TOKEN_TTL",
                    "60",
                    "SANDBOX_LATENCY_MS",
                    "150",
                    "SANDBOX_MONTHLY_QUOTA",
                    "5",
                    "SANDBOX_MISSING_SCOPE",
                    "401")
                ::get));
    assertTrue(read(Map.of("SANDBOX_TOKEN_TTL", "60")).enabled());
  }

  @Test
  void latencyIsReadOnEveryRequestAndKeptWithinBounds() {
    try {
      assertEquals(0, SandboxSettings.latencyMillis());
      System.setProperty("SANDBOX_LATENCY_MS", "150");
      assertEquals(150, SandboxSettings.latencyMillis());
      System.setProperty("SANDBOX_LATENCY_MS", "99999999");
      assertEquals(
          10_000, SandboxSettings.latencyMillis(), "out of range: the sandbox is off anyway");
    } finally {
      System.clearProperty("SANDBOX_LATENCY_MS");
    }
  }
}
