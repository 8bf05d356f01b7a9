package com.livestormconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerSettingsTest {
  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'q');

  private static PartnerSettings parse(Map<String, String> env) {
    return Settings.parse(env::get).partner();
  }

  private static String problem(Map<String, String> env) {
    return assertThrows(ConfigurationException.class, () -> Settings.parse(env::get)).getMessage();
  }

  private static Map<String, String> with(String url, String secret) {
    Map<String, String> env = new HashMap<>();
    env.put("PARTNER_WEBHOOK_URL", url);
    if (secret != null) {
      env.put("PARTNER_WEBHOOK_SECRET", secret);
    }
    return env;
  }

  @Test
  void offWhenNoUrlIsSet() {
    PartnerSettings partner = parse(Map.of());
    assertFalse(partner.enabled());
    assertEquals(Optional.empty(), partner.url());
  }

  @Test
  void onWithAnHttpsUrlAndAStandardWebhooksSecret() {
    PartnerSettings partner = parse(with("https://partner.example/hooks", SECRET));
    assertTrue(partner.enabled());
    assertEquals(Optional.of(URI.create("https://partner.example/hooks")), partner.url());
    assertEquals(Optional.of(SECRET), partner.secret());
  }

  @Test
  void plainHttpOnlyToThisMachine() {
    assertTrue(parse(with("http://127.0.0.1:9000/hooks", SECRET)).enabled());
    assertTrue(parse(with("http://localhost/hooks", SECRET)).enabled());
    String message = problem(with("http://partner.example/hooks", SECRET));
    assertTrue(message.contains("PARTNER_WEBHOOK_URL must be an https URL"), message);
    assertTrue(problem(with("ftp://partner.example", SECRET)).contains("PARTNER_WEBHOOK_URL"));
  }

  @Test
  void theSecretIsRequiredWellFormedAndNeverQuoted() {
    assertTrue(
        problem(with("https://partner.example/hooks", null))
            .contains("PARTNER_WEBHOOK_SECRET is required"));
    String tooShort = "whsec_" + Base64.getEncoder().encodeToString("short-secret-1".getBytes());
    String notBase64 = "whsec_not*base64*at*all*not*base64*at*all*";
    String noPrefix = SECRET.substring("whsec_".length());
    for (String bad : new String[] {tooShort, notBase64, noPrefix}) {
      String message = problem(with("https://partner.example/hooks", bad));
      assertTrue(message.contains("PARTNER_WEBHOOK_SECRET must be whsec_"), message);
      assertFalse(message.contains(bad), "the secret is quoted: " + message);
    }
    assertFalse(parse(with("https://partner.example/hooks", SECRET)).toString().contains(SECRET));
  }

  @Test
  void aSecretWithoutUrlIsAMistake() {
    String message = problem(Map.of("PARTNER_WEBHOOK_SECRET", SECRET));
    assertTrue(message.contains("PARTNER_WEBHOOK_SECRET is set but PARTNER_WEBHOOK_URL"), message);
  }

  @Test
  void theSecretCanComeFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("partner-secret");
    Files.writeString(file, SECRET + "\n");
    Map<String, String> env = with("https://partner.example/hooks", null);
    env.put("PARTNER_WEBHOOK_SECRET_FILE", file.toString());
    assertEquals(Optional.of(SECRET), parse(env).secret());
  }
}
