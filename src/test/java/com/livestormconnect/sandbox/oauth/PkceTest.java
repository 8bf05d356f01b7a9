package com.livestormconnect.sandbox.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {
  @Test
  void s256MatchesTheRfc7636AppendixBExample() {
    String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.s256(verifier));
    assertTrue(Pkce.verifies("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "S256", verifier));
    assertFalse(
        Pkce.verifies("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "S256", verifier + "x"));
  }

  @Test
  void plainComparesTheVerifierItself() {
    assertTrue(Pkce.verifies("same", "plain", "same"));
    assertFalse(Pkce.verifies("same", "plain", "other"));
  }

  @Test
  void aVerifierForACodeWithoutChallengeFails() {
    assertTrue(Pkce.verifies(null, null, null));
    assertFalse(Pkce.verifies(null, null, "unexpected"));
    assertFalse(Pkce.verifies("challenge", "S256", null));
  }

  @Test
  void onlyPlainAndS256AreSupported() {
    assertTrue(Pkce.supports("plain") && Pkce.supports("S256"));
    assertFalse(Pkce.supports("s256") || Pkce.supports("S512") || Pkce.supports(null));
  }
}
