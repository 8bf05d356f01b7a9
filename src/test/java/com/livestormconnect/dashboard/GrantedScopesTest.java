package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrantedScopesTest {
  @Test
  void aWriteScopeAllowsItsReadScopeAndFullScopesCoverTheirKind() {
    assertTrue(GrantedScopes.parse("events:write").allows("events:read"));
    assertFalse(GrantedScopes.parse("events:read").allows("events:write"));
    assertTrue(GrantedScopes.parse("full:read").allows("webhooks:read"));
    assertFalse(GrantedScopes.parse("full:read").allows("webhooks:write"));
    assertTrue(GrantedScopes.parse("full:write").allows("admin:write"));
    assertFalse(GrantedScopes.parse("").allows("events:read"));
  }

  @Test
  void reconnectingAddsTheMissingScopeToTheGrantedOnes() {
    assertEquals(
        List.of("identity:read", "events:read", "webhooks:read"),
        GrantedScopes.parse("identity:read events:read").with("webhooks:read"));
  }

  @Test
  void reconnectingForAWriteScopeReplacesItsReadScope() {
    assertEquals(
        List.of("identity:read", "events:write"),
        GrantedScopes.parse("identity:read events:read").with("events:write"));
  }

  @Test
  void reconnectingKeepsFullReadWithAnIndividualWriteScope() {
    assertEquals(
        List.of("events:write", "full:read"),
        GrantedScopes.parse("full:read").with("events:write"));
  }
}
