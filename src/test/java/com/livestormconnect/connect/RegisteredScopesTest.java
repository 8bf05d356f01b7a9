package com.livestormconnect.connect;

import static com.livestormconnect.connect.LivestormScope.EVENTS_READ;
import static com.livestormconnect.connect.LivestormScope.IDENTITY_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.config.ConfigurationException;
import com.nimbusds.oauth2.sdk.Scope;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisteredScopesTest {
  @Test
  void anUnknownRegisteredScopeStopsStartUpNamingTheVariable() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RegisteredScopes.parse(Scope.parse("events:read events:delete")));
    assertTrue(e.getMessage().contains("LIVESTORM_SCOPES"), e.getMessage());
    assertTrue(e.getMessage().contains("events:delete"), e.getMessage());
  }

  @Test
  void aValidRegistrationIsTheDefaultSelection() {
    ScopeSelection registered = RegisteredScopes.parse(Scope.parse("identity:read events:write"));
    assertEquals(registered, RegisteredScopes.defaultFor(registered));
  }

  @Test
  void allTenScopesMayBeRegisteredButTheDefaultIsThenLeastPrivilege() {
    ScopeSelection registered = RegisteredScopes.parse(Scope.parse(
        "identity:read identity:write events:read events:write admin:read admin:write"
            + " webhooks:read webhooks:write full:read full:write"));
    assertEquals(Set.of(IDENTITY_READ, EVENTS_READ), RegisteredScopes.defaultFor(registered).reduced());
  }

  @Test
  void theLeastPrivilegeDefaultStaysWithinTheRegistration() {
    ScopeSelection registered = RegisteredScopes.parse(Scope.parse("full:write events:write"));
    assertEquals(Set.of(EVENTS_READ), RegisteredScopes.defaultFor(registered).reduced());
  }
}
