package com.livestormconnect.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenSetTest {
  private static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");

  private static AccessTokenResponse parse(String json) throws Exception {
    return TokenResponse.parse(JSONObjectUtils.parse(json)).toSuccessResponse();
  }

  @Test
  void readsLivestormsTokenResponseIncludingCreatedAt() throws Exception {
    TokenSet tokens =
        TokenSet.from(
            parse(
                "{\"access_token\":\"AT-1\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":7200,\"refresh_token\":\"RT-1\",\"scope\":\"identity:read events:read\","
                    + "\"created_at\":1629205920}"),
            new Scope("events:write"),
            RECEIVED);
    assertEquals("AT-1", tokens.accessToken().getValue());
    assertEquals("RT-1", tokens.refreshToken().getValue());
    assertEquals(
        new Scope("identity:read", "events:read"), tokens.scope(), "what was granted wins");
    assertEquals(Instant.ofEpochSecond(1629205920), tokens.issuedAt());
  }

  @Test
  void expiryIsCountedFromOurOwnReceiptNotTheServersClock() throws Exception {
    TokenSet tokens =
        TokenSet.from(
            parse(
                "{\"access_token\":\"AT\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":7200,\"created_at\":1000}"),
            new Scope("events:read"),
            RECEIVED);
    assertEquals(RECEIVED.plusSeconds(7200), tokens.expiresAt());
  }

  @Test
  void withoutScopeInTheResponseTheRequestedScopeIsAssumed() throws Exception {
    TokenSet tokens =
        TokenSet.from(
            parse("{\"access_token\":\"AT\",\"token_type\":\"Bearer\"}"),
            new Scope("events:read"),
            RECEIVED);
    assertEquals(new Scope("events:read"), tokens.scope());
    assertNull(tokens.refreshToken());
    assertNull(tokens.expiresAt());
    assertNull(tokens.issuedAt());
  }

  @Test
  void toStringRedactsBothTokens() throws Exception {
    TokenSet tokens =
        TokenSet.from(
            parse(
                "{\"access_token\":\"AT-secret-value\",\"token_type\":"
                    + "\"Bearer\",\"refresh_token\":\"RT-secret-value\"}"),
            new Scope("events:read"),
            RECEIVED);
    assertFalse(tokens.toString().contains("AT-secret-value"));
    assertFalse(tokens.toString().contains("RT-secret-value"));
  }
}
