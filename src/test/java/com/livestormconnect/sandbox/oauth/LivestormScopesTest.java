package com.livestormconnect.sandbox.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.sandbox.SandboxSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivestormScopesTest {
  private static boolean acceptable(String scopes) {
    return LivestormScopes.acceptable(LivestormScopes.parse(scopes), SandboxSettings.ALL_SCOPES);
  }

  @Test
  void fullWriteStandsAlone() {
    assertTrue(acceptable("full:write"));
    assertFalse(acceptable("full:write events:read"));
    assertFalse(acceptable("full:write full:read"));
  }

  @Test
  void fullReadGoesOnlyWithIndividualWriteScopes() {
    assertTrue(acceptable("full:read"));
    assertTrue(acceptable("full:read events:write admin:write"));
    assertFalse(acceptable("full:read events:read"));
  }

  @Test
  void unknownOrUnregisteredScopesAreRefused() {
    assertFalse(acceptable("events:read calendar:read"));
    assertFalse(acceptable(""));
    assertFalse(LivestormScopes.acceptable(List.of("events:write"), List.of("events:read")));
  }

  @Test
  void parseSplitsOnAnyWhitespaceAndDropsDuplicates() {
    assertEquals(
        List.of("events:read", "identity:read"),
        LivestormScopes.parse(" events:read\tidentity:read events:read "));
  }

  @Test
  void writeIncludesReadAndFullScopesCoverEveryArea() {
    assertTrue(LivestormScopes.allow(List.of("events:write"), "events", false));
    assertFalse(LivestormScopes.allow(List.of("events:read"), "events", true));
    assertTrue(LivestormScopes.allow(List.of("full:read"), "webhooks", false));
    assertFalse(LivestormScopes.allow(List.of("full:read"), "webhooks", true));
    assertTrue(LivestormScopes.allow(List.of("full:write"), "admin", true));
    assertFalse(LivestormScopes.allow(List.of("identity:read"), "events", false));
  }
}
