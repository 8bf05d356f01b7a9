package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsTokenTest {
  private static final Optional<String> TOKEN = Optional.of("scrape-token-0123456789");

  @Test
  void onlyTheConfiguredBearerTokenIsAccepted() {
    assertTrue(MetricsToken.matches("Bearer scrape-token-0123456789", TOKEN));
    assertTrue(MetricsToken.matches("bearer scrape-token-0123456789", TOKEN));
    assertFalse(MetricsToken.matches("Bearer scrape-token-012345678", TOKEN));
    assertFalse(MetricsToken.matches("Bearer scrape-token-01234567890", TOKEN));
    assertFalse(MetricsToken.matches("Basic scrape-token-0123456789", TOKEN));
    assertFalse(MetricsToken.matches("scrape-token-0123456789", TOKEN));
    assertFalse(MetricsToken.matches(null, TOKEN));
  }

  @Test
  void withoutAConfiguredTokenNoBearerIsAccepted() {
    assertFalse(MetricsToken.matches("Bearer ", Optional.empty()));
    assertFalse(MetricsToken.matches("Bearer anything-at-all-here", Optional.empty()));
  }
}
