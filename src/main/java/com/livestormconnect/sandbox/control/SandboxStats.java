package com.livestormconnect.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Counters since start or the last reset, so a client's tests can assert how it behaved (refreshed
 * once, stayed under the rate limit, retried after a 429). Tokens are told apart by an HMAC under a
 * key made at start-up, and shown only as {@code token-1}, {@code token-2}, ... in the order they
 * were first seen: no part of a token, nor anything computable from one, ever leaves the server.
 */
@ApplicationScoped
public class SandboxStats {
  private final Map<String, LongAdder> tokenRequests = new ConcurrentHashMap<>();
  private final Map<String, PerToken> perToken = new ConcurrentHashMap<>();
  private final LongAdder refreshes = new LongAdder();
  private final LongAdder apiRequests = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder faultsSent = new LongAdder();
  private volatile Instant since = Instant.now();

  private final AtomicInteger labels = new AtomicInteger();
  private final SecretKeySpec labelKey = randomKey();

  private record PerToken(String label, LongAdder requests, LongAdder rateLimited) {}

  public void tokenRequest(String grantType) {
    String key =
        "authorization_code".equals(grantType) || "refresh_token".equals(grantType)
            ? grantType
            : "other";
    tokenRequests.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  public void refreshSucceeded() {
    refreshes.increment();
  }

  public void apiRequest(String accessToken) {
    apiRequests.increment();
    if (accessToken != null) {
      token(accessToken).requests().increment();
    }
  }

  public void rateLimited(String accessToken) {
    rateLimited.increment();
    token(accessToken).rateLimited().increment();
  }

  public void faultSent() {
    faultsSent.increment();
  }

  private PerToken token(String accessToken) {
    return perToken.computeIfAbsent(
        keyedHash(accessToken),
        k -> new PerToken("token-" + labels.incrementAndGet(), new LongAdder(), new LongAdder()));
  }

  private String keyedHash(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(labelKey);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private static SecretKeySpec randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "HmacSHA256");
  }

  public synchronized void reset() {
    tokenRequests.clear();
    perToken.clear();
    labels.set(0);
    refreshes.reset();
    apiRequests.reset();
    rateLimited.reset();
    faultsSent.reset();
    since = Instant.now();
  }

  /** A JSON-ready snapshot (maps, lists and numbers only). */
  public Map<String, Object> snapshot() {
    Map<String, Object> grants = new LinkedHashMap<>();
    for (String grant : new String[] {"authorization_code", "refresh_token", "other"}) {
      LongAdder count = tokenRequests.get(grant);
      grants.put(grant, count == null ? 0L : count.sum());
    }
    Map<String, Object> tokens = new TreeMap<>();
    perToken.forEach(
        (k, v) ->
            tokens.put(
                v.label(),
                Map.of("api_requests", v.requests().sum(), "rate_limited", v.rateLimited().sum())));
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("since", since.getEpochSecond());
    stats.put("token_requests", grants);
    stats.put("refreshes", refreshes.sum());
    stats.put("api_requests", apiRequests.sum());
    stats.put("rate_limited", rateLimited.sum());
    stats.put("faults_sent", faultsSent.sum());
    stats.put("per_token", tokens);
    return stats;
  }
}
