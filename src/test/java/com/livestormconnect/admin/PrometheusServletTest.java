package com.livestormconnect.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrometheusServletTest {
  private static final Optional<String> TOKEN = Optional.of("scrape-token-0123456789");

  @Test
  void onlyTheConfiguredBearerTokenIsAccepted() {
    assertTrue(PrometheusServlet.bearerMatches("Bearer scrape-token-0123456789", TOKEN));
    assertTrue(PrometheusServlet.bearerMatches("bearer scrape-token-0123456789", TOKEN));
    assertFalse(PrometheusServlet.bearerMatches("Bearer scrape-token-012345678", TOKEN));
    assertFalse(PrometheusServlet.bearerMatches("Bearer scrape-token-01234567890", TOKEN));
    assertFalse(PrometheusServlet.bearerMatches("Basic scrape-token-0123456789", TOKEN));
    assertFalse(PrometheusServlet.bearerMatches("scrape-token-0123456789", TOKEN));
    assertFalse(PrometheusServlet.bearerMatches(null, TOKEN));
  }

  @Test
  void withoutAConfiguredTokenNoBearerIsAccepted() {
    assertFalse(PrometheusServlet.bearerMatches("Bearer ", Optional.empty()));
    assertFalse(PrometheusServlet.bearerMatches("Bearer anything-at-all-here", Optional.empty()));
  }
}
