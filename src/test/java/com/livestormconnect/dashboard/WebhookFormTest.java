package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookFormTest {
  @Test
  void acceptsAnHttpsUrlAndADocumentedEvent() {
    assertTrue(
        new WebhookForm("https://hooks.example.com/in", "people.registered").errors().isEmpty());
  }

  @Test
  void refusesPlainHttpJavascriptAndCredentialsInTheUrl() {
    assertEquals(
        Map.of("url", "webhooks.error.https"),
        new WebhookForm("http://hooks.example.com/in", "people.registered").errors());
    assertEquals(
        Map.of("url", "webhooks.error.https"),
        new WebhookForm("javascript:alert(1)", "people.registered").errors());
    assertEquals(
        Map.of("url", "webhooks.error.https"),
        new WebhookForm("https://user:pw@hooks.example.com/", "people.registered").errors());
  }

  @Test
  void refusesAnUndocumentedEvent() {
    assertEquals(
        Map.of("event", "webhooks.error.event"),
        new WebhookForm("https://hooks.example.com/in", "people.hacked").errors());
  }
}
