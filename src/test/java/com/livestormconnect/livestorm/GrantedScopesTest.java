package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.token.ConnectionSummary;
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

  private static ConnectionSummary connection(String granted, String requested) {
    return new ConnectionSummary(
        "c-1", 1, null, null, granted, requested, null, null, null, null, null, 0);
  }

  @Test
  void aBroaderGrantIsUsedOnlyAsFarAsTheUserChose() {
    GrantedScopes usable = GrantedScopes.usable(connection("full:write", "events:read"));
    assertTrue(usable.allows("events:read"));
    assertFalse(usable.allows("events:write"), "granted, but not chosen");
    assertFalse(usable.allows("webhooks:read"));
    assertFalse(usable.allows("identity:read"));
    assertTrue(GrantedScopes.grantedMoreThanChosen(connection("full:write", "events:read")));

    GrantedScopes writes =
        GrantedScopes.usable(connection("events:write webhooks:write", "full:read events:write"));
    assertTrue(writes.allows("events:write"));
    assertTrue(writes.allows("webhooks:read"), "full:read chose it, webhooks:write granted it");
    assertFalse(writes.allows("webhooks:write"));
    assertFalse(writes.allows("admin:read"), "chosen but not granted: not usable either");
  }

  @Test
  void aGrantAsChosenOrNarrowerIsNoWarningAndOldConnectionsAreUsedAsGranted() {
    assertFalse(GrantedScopes.grantedMoreThanChosen(connection("events:read", "events:read")));
    assertFalse(
        GrantedScopes.grantedMoreThanChosen(connection("events:read", "events:write")),
        "narrower than asked");
    assertFalse(
        GrantedScopes.grantedMoreThanChosen(connection("events:write", "events:read events:write")),
        "the same access written differently");
    assertFalse(GrantedScopes.grantedMoreThanChosen(connection("full:write", null)));
    assertTrue(GrantedScopes.usable(connection("full:write", null)).allows("admin:write"));
  }
}
