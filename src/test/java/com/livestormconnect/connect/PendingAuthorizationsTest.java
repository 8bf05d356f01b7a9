package com.livestormconnect.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.connect.PendingAuthorizations.StateProblem;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingAuthorizationsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private final PendingAuthorizations pending = new PendingAuthorizations();

  private static PendingAuthorization started(long accountId, Instant at) {
    return new PendingAuthorization(
        new State(),
        new CodeVerifier(),
        new Scope("events:read"),
        accountId,
        new Issuer("https://app.livestorm.co"),
        at);
  }

  @Test
  void aStateIsClaimedOnceByItsOwnAccount() {
    PendingAuthorization a = started(1, T0);
    pending.add(a);
    var claim = pending.claim(a.state().getValue(), 1, T0.plusSeconds(30));
    assertSame(a, claim.pending());
    assertEquals(
        StateProblem.REUSED, pending.claim(a.state().getValue(), 1, T0.plusSeconds(31)).problem());
  }

  @Test
  void twoTabsDoNotOverwriteEachOther() {
    PendingAuthorization first = started(1, T0);
    PendingAuthorization second = started(1, T0.plusSeconds(5));
    pending.add(first);
    pending.add(second);
    assertSame(second, pending.claim(second.state().getValue(), 1, T0.plusSeconds(10)).pending());
    assertSame(first, pending.claim(first.state().getValue(), 1, T0.plusSeconds(10)).pending());
  }

  @Test
  void missingUnknownAndForgedStatesAreRefused() {
    pending.add(started(1, T0));
    assertEquals(StateProblem.MISSING, pending.claim(null, 1, T0).problem());
    assertEquals(StateProblem.MISSING, pending.claim("", 1, T0).problem());
    assertEquals(StateProblem.UNKNOWN, pending.claim(new State().getValue(), 1, T0).problem());
  }

  @Test
  void aStateExpiresAfterTenMinutesAndCannotBeRetried() {
    PendingAuthorization a = started(1, T0);
    pending.add(a);
    Instant late = T0.plus(PendingAuthorization.LIFETIME);
    assertEquals(StateProblem.EXPIRED, pending.claim(a.state().getValue(), 1, late).problem());
    assertEquals(StateProblem.REUSED, pending.claim(a.state().getValue(), 1, T0).problem());
  }

  @Test
  void justBeforeTenMinutesTheStateIsStillGood() {
    PendingAuthorization a = started(1, T0);
    pending.add(a);
    Instant now = T0.plus(PendingAuthorization.LIFETIME).minus(Duration.ofSeconds(1));
    assertTrue(pending.claim(a.state().getValue(), 1, now).isValid());
  }

  @Test
  void anotherAccountsStateIsRefusedAndBurned() {
    PendingAuthorization ofAccount1 = started(1, T0);
    pending.add(ofAccount1);
    assertEquals(
        StateProblem.OTHER_ACCOUNT, pending.claim(ofAccount1.state().getValue(), 2, T0).problem());
    assertFalse(pending.claim(ofAccount1.state().getValue(), 1, T0).isValid());
  }

  @Test
  void theNumberKeptIsBoundedDroppingTheOldest() {
    PendingAuthorization oldest = started(1, T0);
    pending.add(oldest);
    for (int i = 0; i < PendingAuthorizations.MAX_PENDING + 3; i++) {
      pending.add(started(1, T0.plusSeconds(i + 1)));
    }
    assertEquals(PendingAuthorizations.MAX_PENDING, pending.size());
    assertEquals(StateProblem.UNKNOWN, pending.claim(oldest.state().getValue(), 1, T0).problem());
  }

  @Test
  void toStringNeverShowsTheVerifierOrState() {
    PendingAuthorization a = started(1, T0);
    assertFalse(a.toString().contains(a.verifier().getValue()));
    assertFalse(a.toString().contains(a.state().getValue()));
  }

  /**
   * The session (and so the verifier) may be passivated or replicated: every pending authorization
   * comes back whole, the states already claimed are still refused as reused, and the oldest is
   * still the first dropped.
   */
  @Test
  void pendingAuthorizationsSurviveSessionSerialization() throws Exception {
    PendingAuthorization claimed = started(1, T0);
    PendingAuthorization oldest = started(1, T0.plusSeconds(1));
    PendingAuthorization other =
        new PendingAuthorization(
            new State(),
            new CodeVerifier(),
            new Scope("identity:read", "events:write"),
            7,
            new Issuer("https://other.example"),
            T0.plusSeconds(2));
    pending.add(claimed);
    pending.add(oldest);
    pending.add(other);
    assertTrue(pending.claim(claimed.state().getValue(), 1, T0).isValid());

    PendingAuthorizations restored = roundTrip(pending);

    assertNotSame(pending, restored);
    assertEquals(2, restored.size());
    assertEquals(
        StateProblem.REUSED,
        restored.claim(claimed.state().getValue(), 1, T0).problem(),
        "the states already claimed are remembered");
    PendingAuthorization back =
        restored.claim(other.state().getValue(), 7, T0.plusSeconds(3)).pending();
    assertNotSame(other, back);
    assertEquals(other.state(), back.state());
    assertEquals(other.verifier().getValue(), back.verifier().getValue());
    assertEquals(other.scope(), back.scope());
    assertEquals(7, back.accountId());
    assertEquals(other.expectedIssuer(), back.expectedIssuer());
    assertEquals(other.createdAt(), back.createdAt());
    assertEquals(other, back);
    // The insertion order came back too: filling up drops the oldest first.
    for (int i = 0; i < PendingAuthorizations.MAX_PENDING - 1; i++) {
      restored.add(started(1, T0.plusSeconds(10 + i)));
    }
    assertEquals(PendingAuthorizations.MAX_PENDING, restored.size());
    restored.add(started(1, T0.plusSeconds(20)));
    assertEquals(StateProblem.UNKNOWN, restored.claim(oldest.state().getValue(), 1, T0).problem());
  }

  @Test
  void aPendingAuthorizationComesBackFromSerializationWithItsVerifier() throws Exception {
    PendingAuthorization a = started(3, T0);
    PendingAuthorization back = roundTrip(a);
    assertNotSame(a, back);
    assertEquals(a, back);
    assertEquals(a.verifier().getValue(), back.verifier().getValue());
    assertFalse(back.isExpired(T0.plus(PendingAuthorization.LIFETIME).minusSeconds(1)));
    assertTrue(back.isExpired(T0.plus(PendingAuthorization.LIFETIME)));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Serializable> T roundTrip(T object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
