package com.livestormconnect.livestorm;

import static com.livestormconnect.livestorm.LivestormScope.EVENTS_READ;
import static com.livestormconnect.livestorm.LivestormScope.EVENTS_WRITE;
import static com.livestormconnect.livestorm.LivestormScope.FULL_READ;
import static com.livestormconnect.livestorm.LivestormScope.FULL_WRITE;
import static com.livestormconnect.livestorm.LivestormScope.IDENTITY_READ;
import static com.livestormconnect.livestorm.LivestormScope.WEBHOOKS_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeSelectionTest {
  private static Optional<String> rule(String... values) {
    return ScopeSelection.of(List.of(values)).brokenRule();
  }

  @Test
  void individualScopesCombineFreely() {
    assertEquals(
        Optional.empty(), rule("identity:read", "events:read", "webhooks:write", "admin:read"));
  }

  @Test
  void aWriteScopeSwallowsItsReadScope() {
    ScopeSelection selection =
        ScopeSelection.of(List.of("events:read", "events:write", "identity:read"));
    assertTrue(selection.isValid());
    assertEquals(Set.of(EVENTS_WRITE, IDENTITY_READ), selection.reduced());
    assertEquals(new Scope("identity:read", "events:write"), selection.toScope());
    assertEquals(
        Set.of("identity:read", "events:read", "events:write"),
        selection.values(),
        "what was chosen is kept for the page");
  }

  @Test
  void fullWriteMustStandAlone() {
    assertEquals(Optional.empty(), rule("full:write"));
    assertEquals(Optional.of("connect.rule.fullWriteAlone"), rule("full:write", "events:write"));
    assertEquals(Optional.of("connect.rule.fullWriteAlone"), rule("full:write", "identity:read"));
  }

  @Test
  void fullWriteIncludesFullRead() {
    ScopeSelection selection = ScopeSelection.of(List.of("full:read", "full:write"));
    assertTrue(selection.isValid());
    assertEquals(Set.of(FULL_WRITE), selection.reduced());
  }

  @Test
  void fullReadCombinesOnlyWithIndividualWriteScopes() {
    assertEquals(Optional.empty(), rule("full:read"));
    assertEquals(Optional.empty(), rule("full:read", "events:write", "webhooks:write"));
    assertEquals(
        Optional.of("connect.rule.fullReadWithWritesOnly"), rule("full:read", "events:read"));
  }

  @Test
  void aReadScopeCoveredByItsWriteScopeDoesNotBreakTheFullReadRule() {
    ScopeSelection selection =
        ScopeSelection.of(List.of("full:read", "events:read", "events:write"));
    assertTrue(selection.isValid());
    assertEquals(Set.of(FULL_READ, EVENTS_WRITE), selection.reduced());
  }

  @Test
  void nothingChosenIsRefused() {
    assertEquals(Optional.of("connect.rule.empty"), rule());
    assertEquals(
        Optional.of("connect.rule.empty"), ScopeSelection.of((List<String>) null).brokenRule());
  }

  @Test
  void unknownNamesAreRefusedAndKeptApart() {
    ScopeSelection selection = ScopeSelection.of(List.of("events:read", "events:delete"));
    assertEquals(Optional.of("connect.rule.unknown"), selection.brokenRule());
    assertEquals(Set.of(EVENTS_READ), selection.chosen());
    assertEquals(Set.of("events:delete"), selection.unknown());
  }

  @Test
  void sameAsComparesAfterReduction() {
    assertTrue(
        ScopeSelection.of(List.of("events:write", "events:read"))
            .sameAs(ScopeSelection.of(EVENTS_WRITE)));
    assertFalse(ScopeSelection.of(WEBHOOKS_WRITE).sameAs(ScopeSelection.of(EVENTS_WRITE)));
  }

  @Test
  void everyScopeHasItsGroupAndValue() {
    assertEquals(10, LivestormScope.values().length);
    for (LivestormScope scope : LivestormScope.values()) {
      assertEquals(Optional.of(scope), LivestormScope.of(scope.value()));
      assertTrue(scope.group().scopes().contains(scope));
      assertTrue(scope.write().isWrite());
    }
    assertEquals("webhooks:write", WEBHOOKS_WRITE.value());
  }

  @Test
  void meIsAllowedByIdentityAndFullScopesOnly() {
    assertTrue(LivestormScope.allowsMe(new Scope("events:read", "identity:read")));
    assertTrue(LivestormScope.allowsMe(new Scope("identity:write")));
    assertTrue(LivestormScope.allowsMe(new Scope("full:read")));
    assertTrue(LivestormScope.allowsMe(new Scope("full:write")));
    assertFalse(LivestormScope.allowsMe(new Scope("events:write", "admin:read")));
  }
}
