package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which refusals a refresh can cure (invalid_token) and which it cannot (a missing scope). */
class HttpFailureTest {
  private static HttpFailure failure(int status, String wwwAuthenticate) {
    return new HttpFailure(
        "/x", status, Optional.empty(), Optional.ofNullable(wwwAuthenticate), "", null);
  }

  @Test
  void aBareOrInvalidToken401IsCuredByARefresh() {
    assertTrue(failure(401, null).isInvalidToken());
    assertTrue(
        failure(
                401,
                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token expired\"")
            .isInvalidToken());
    assertFalse(failure(401, null).isInsufficientScope());
  }

  @Test
  void aMissingScopeAs403OrAs401InsufficientScopeIsNeverRefreshed() {
    HttpFailure as401 =
        failure(
            401,
            "Bearer realm=\"Doorkeeper\", error=\"insufficient_scope\","
                + " error_description=\"Access to this resource requires scope \\\"webhooks:read\\\".\"");
    assertFalse(as401.isInvalidToken());
    assertTrue(as401.isInsufficientScope());
    assertTrue(failure(403, null).isInsufficientScope());
    assertFalse(failure(403, null).isInvalidToken());
  }
}
