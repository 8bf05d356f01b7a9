package com.livestormconnect.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshTargetTest {
  private static final String ID = "6b1f3c2e-0d4a-4c1e-9a51-0f2b7d9e4a10";

  @Test
  void aRefreshGoesBackToThePageItWasOn() {
    assertEquals("/dashboard", RefreshTarget.of("dashboard", null).orElseThrow().page());
    assertEquals("/events", RefreshTarget.of("events", "ignored").orElseThrow().page());
    assertEquals("/events/" + ID, RefreshTarget.of("event", ID).orElseThrow().page());
    assertEquals("/sessions/" + ID, RefreshTarget.of("session", ID).orElseThrow().page());
    assertEquals("/organization", RefreshTarget.of("organization", null).orElseThrow().page());
  }

  @Test
  void onlyAnIdOurOwnUrlsCouldHoldLeadsBack() {
    assertEquals(Optional.empty(), RefreshTarget.of("event", null));
    assertEquals(Optional.empty(), RefreshTarget.of("event", "//evil.example"));
    assertEquals(Optional.empty(), RefreshTarget.of("session", ID + "/edit"));
    assertEquals(Optional.empty(), RefreshTarget.of("session", "x".repeat(65)));
    assertTrue(RefreshTarget.of("people", ID).isEmpty(), "no such page");
  }
}
