package com.livestormconnect.connect;

import static com.livestormconnect.livestorm.LivestormScope.EVENTS_READ;
import static com.livestormconnect.livestorm.LivestormScope.IDENTITY_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.config.ConfigurationException;
import com.livestormconnect.livestorm.ScopeSelection;
import com.nimbusds.oauth2.sdk.Scope;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisteredScopesTest {
  @Test
  void anUnknownRegisteredScopeStopsStartUpNamingTheVariable() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> RegisteredScopes.parse(Scope.parse("events:read events:delete")));
    assertTrue(e.getMessage().contains("LIVESTORM_SCOPES"), e.getMessage());
    assertTrue(e.getMessage().contains("events:delete"), e.getMessage());
  }

  @Test
  void aRegistrationWithoutTheLeastPrivilegeScopesIsTheDefaultSelection() {
    ScopeSelection registered = RegisteredScopes.parse(Scope.parse("events:write webhooks:write"));
    assertEquals(registered, RegisteredScopes.defaultFor(registered));
  }

  @Test
  void aWideRegistrationDefaultsToLeastPrivilege() {
    ScopeSelection registered =
        RegisteredScopes.parse(
            Scope.parse(
                "identity:read identity:write events:read events:write admin:read admin:write"
                    + " webhooks:read webhooks:write"));
    assertEquals(
        Set.of(IDENTITY_READ, EVENTS_READ), RegisteredScopes.defaultFor(registered).reduced());
  }

  @Test
  void theLeastPrivilegeDefaultStaysWithinTheRegistrationNamesAsDoorkeeperComparesThem() {
    // events:write is registered, events:read is not: Livestorm would refuse a request for it.
    ScopeSelection registered = RegisteredScopes.parse(Scope.parse("identity:read events:write"));
    assertEquals(Set.of(IDENTITY_READ), RegisteredScopes.defaultFor(registered).reduced());
  }

  @Test
  void allTenScopesAreAnInvalidRegistrationNamingTheRule() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                RegisteredScopes.parse(
                    Scope.parse(
                        "identity:read identity:write events:read events:write admin:read admin:write"
                            + " webhooks:read webhooks:write full:read full:write")));
    assertTrue(e.getMessage().contains("LIVESTORM_SCOPES"), e.getMessage());
    assertTrue(
        e.getMessage().contains("full:write cannot be combined with any other scope"),
        e.getMessage());
  }

  @Test
  void fullReadBesideAnotherReadScopeIsAnInvalidRegistrationNamingTheRule() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> RegisteredScopes.parse(Scope.parse("full:read events:read")));
    assertTrue(
        e.getMessage().contains("full:read can only be combined with individual write scopes"),
        e.getMessage());
    RegisteredScopes.parse(Scope.parse("full:read events:write webhooks:write"));
    RegisteredScopes.parse(Scope.parse("full:write"));
  }
}
