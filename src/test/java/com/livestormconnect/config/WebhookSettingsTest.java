package com.livestormconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSettingsTest {
  private static WebhookSettings parse(Map<String, String> env) {
    return Settings.parse(env::get).webhooks();
  }

  @Test
  void byDefaultUnsignedWithTheEventsTheCopyUses() {
    WebhookSettings settings = parse(Map.of());
    assertFalse(settings.signed());
    assertTrue(settings.events().contains("people.attended"));
    assertFalse(settings.events().contains("job.ended"));
    assertEquals(9, settings.events().size());
  }

  @Test
  void theSecretComesDirectlyOrFromAFileAndIsNeverPrinted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "from-a-file-secret-0123456789\n");
    WebhookSettings settings = parse(Map.of("LIVESTORM_WEBHOOK_SECRET_FILE", file.toString()));
    assertEquals("from-a-file-secret-0123456789", settings.secret().orElseThrow());
    assertFalse(settings.toString().contains("0123456789"), settings.toString());
  }

  @Test
  void badValuesNameTheirVariable() {
    ConfigurationException shortSecret =
        assertThrows(
            ConfigurationException.class, () -> parse(Map.of("LIVESTORM_WEBHOOK_SECRET", "short")));
    assertTrue(shortSecret.getMessage().contains("LIVESTORM_WEBHOOK_SECRET"));
    ConfigurationException unknown =
        assertThrows(
            ConfigurationException.class,
            () -> parse(Map.of("LIVESTORM_WEBHOOK_EVENTS", "people.attended, people.left")));
    assertTrue(unknown.getMessage().contains("LIVESTORM_WEBHOOK_EVENTS"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("people.left"), unknown.getMessage());
    assertEquals(
        List.of("people.attended", "session.ended"),
        parse(Map.of("LIVESTORM_WEBHOOK_EVENTS", "people.attended,session.ended,people.attended"))
            .events());
  }
}
