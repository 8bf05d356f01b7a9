package com.livestormconnect.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters since start or the last reset, so a client's tests can assert how it behaved (refreshed
 * once, stayed under the rate limit, retried after a 429). Tokens are named by their first eight
 * characters only: enough to tell them apart, useless to an eavesdropper.
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

  private record PerToken(LongAdder requests, LongAdder rateLimited) {}

  public void tokenRequest(String grantType) {
    String key = "authorization_code".equals(grantType) || "refresh_token".equals(grantType)
        ? grantType : "other";
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
    return perToken.computeIfAbsent(fingerprint(accessToken),
        k -> new PerToken(new LongAdder(), new LongAdder()));
  }

  public static String fingerprint(String token) {
    return token.length() <= 8 ? token : token.substring(0, 8);
  }

  public synchronized void reset() {
    tokenRequests.clear();
    perToken.clear();
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
    perToken.forEach((k, v) -> tokens.put(k, Map.of(
        "api_requests", v.requests().sum(), "rate_limited", v.rateLimited().sum())));
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
