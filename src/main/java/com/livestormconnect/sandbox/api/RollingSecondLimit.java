package com.livestormconnect.sandbox.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most N requests per key in any rolling second, kept as a log of request times. A token bucket
 * (such as the app's Bucket4j) would smooth bursts and let some rolling windows hold more than N; a
 * simulator must catch a client that ever sends N+1 requests within one second, so it keeps the
 * exact log. Refused requests are not logged, so retrying too early does not push the window out.
 */
public final class RollingSecondLimit {
  private static final long WINDOW_MILLIS = 1_000;

  private final int limit;
  private final Map<String, Deque<Long>> logs = new HashMap<>();
  private long lastSweep;

  /** The decision for one request: allowed or not, calls left in the window, seconds to wait. */
  public record Decision(boolean allowed, int remaining, long retryAfterSeconds) {}

  public RollingSecondLimit(int limit) {
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }

  public synchronized Decision take(String key, long nowMillis) {
    sweep(nowMillis);
    Deque<Long> log = logs.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!log.isEmpty() && log.peekFirst() <= nowMillis - WINDOW_MILLIS) {
      log.pollFirst();
    }
    if (log.size() >= limit) {
      long waitMillis = log.peekFirst() + WINDOW_MILLIS - nowMillis;
      return new Decision(false, 0, Math.max(1, (waitMillis + 999) / 1000));
    }
    log.addLast(nowMillis);
    return new Decision(true, limit - log.size(), 0);
  }

  /** Forgets keys idle for a whole window, at most once a minute, so the map stays small. */
  private void sweep(long nowMillis) {
    if (nowMillis - lastSweep < 60_000) {
      return;
    }
    lastSweep = nowMillis;
    logs.values().removeIf(log -> log.isEmpty() || log.peekLast() <= nowMillis - WINDOW_MILLIS);
  }
}
