package com.livestormconnect.livestorm;

import com.livestormconnect.livestorm.LivestormException.Kind;
import com.livestormconnect.token.FreshToken;
import com.livestormconnect.token.TokenRefresh;
import com.livestormconnect.token.TokenUnavailable;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every call to Livestorm, in this order, because order matters: (1) a token that will not expire
 * within the margin, refreshed single-flight if needed; (2) a permit from the connection's rate
 * limiter, waiting fairly up to the caller's deadline; then the request. After it: a 401 {@code
 * invalid_token} refreshes once and retries once; a 429 holds back every caller of the connection
 * for Retry-After (at most an hour) and retries through the same queue; 5xx and transport failures
 * are retried with backoff when the request is idempotent. Anything else becomes a {@link
 * LivestormException} for the page.
 */
@LivestormCall
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class LivestormCallInterceptor {
  /** How long one call may take in all, waiting for permits and retries included. */
  static final Duration DEADLINE = Duration.ofSeconds(90);

  @Inject TokenRefresh tokens;

  @Inject CallPermits permits;

  @Inject CallMetrics metrics;

  @Inject MonthlyQuota monthlyQuota;

  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @AroundInvoke
  Object call(InvocationContext context) throws Exception {
    Object[] parameters = context.getParameters();
    int at = accessIndex(parameters);
    Access access = (Access) parameters[at];
    boolean idempotent = idempotent(context);
    Instant deadline = Instant.now().plus(DEADLINE);
    // Tokens just issued (the callback's /me) are used as given: nothing is stored to refresh yet.
    FreshToken token = access.granted() != null ? access.granted() : token(access, null, null);
    boolean refreshedAfter401 = false;
    for (int attempt = 1; ; attempt++) {
      monthlyQuota.beforeCall(token.connectionId());
      CallPermits.Permit permit = waitForPermit(token.connectionId(), deadline);
      parameters[at] = access.with(token.connectionId(), token.accessToken());
      context.setParameters(parameters);
      long started = System.nanoTime();
      try {
        Object result;
        try {
          result = context.proceed();
        } finally {
          permit.close();
        }
        metrics.call(token.connectionId(), System.nanoTime() - started, false);
        monthlyQuota.answered(token.connectionId());
        return result;
      } catch (LivestormException unreadable) {
        if (unreadable.kind() == Kind.MALFORMED) {
          // Livestorm answered 2xx, but not a document we can map: a call, and a failed one.
          metrics.call(token.connectionId(), System.nanoTime() - started, true);
          monthlyQuota.answered(token.connectionId());
        }
        throw unreadable;
      } catch (HttpFailure failure) {
        metrics.call(token.connectionId(), System.nanoTime() - started, true);
        if (failure.isInvalidToken() && !refreshedAfter401 && access.granted() == null) {
          // Revoked or expired behind our back: one refresh, one more try.
          refreshedAfter401 = true;
          token = token(access, token.accessToken(), token.connectionId());
          metrics.retried(token.connectionId());
          continue;
        }
        if (failure.status == 429) {
          metrics.rateLimited(token.connectionId());
          Optional<LivestormException> quotaUsedUp =
              monthlyQuota.afterTooManyRequests(token.connectionId(), failure.retryAfter);
          if (quotaUsedUp.isPresent()) {
            throw quotaUsedUp.get(); // waiting days for a page helps nobody
          }
          if (!retryAfterPause(failure, token.connectionId(), idempotent, attempt, deadline)) {
            throw translate(failure, idempotent);
          }
          metrics.retried(token.connectionId());
          continue;
        }
        Optional<Duration> delay =
            policy.delayBeforeRetry(
                RetryPolicy.outcomeOf(failure.status),
                idempotent,
                attempt,
                failure.retryAfter,
                Duration.between(Instant.now(), deadline),
                Instant.now());
        if (delay.isEmpty()) {
          throw translate(failure, idempotent);
        }
        metrics.retried(token.connectionId());
        Thread.sleep(delay.get().toMillis());
      }
    }
  }

  /**
   * A 429: Retry-After (read once, by the policy) becomes the connection's pause, capped by {@link
   * CallPermits#MAX_PAUSE}, and is applied once: the retry then waits for it in the connection's
   * queue like every other caller, keeping its place, rather than sleeping on its own on top of the
   * pause. False when the policy does not retry (attempts used up, or the pause ends after the
   * caller's deadline).
   */
  private boolean retryAfterPause(
      HttpFailure failure, String connection, boolean idempotent, int attempt, Instant deadline) {
    Instant now = Instant.now();
    Duration pause =
        permits.pause(connection, policy.rateLimitPause(failure.retryAfter, attempt, now));
    return policy.retries(RetryPolicy.Outcome.RATE_LIMITED, idempotent, attempt)
        && pause.compareTo(Duration.between(now, deadline)) < 0;
  }

  /**
   * A usable token: the current one, or a replacement for {@code rejected}. A failed refresh counts
   * against the connection it was for (the {@link Access} carries none yet at this point).
   */
  private FreshToken token(Access access, String rejected, String connection) {
    try {
      return rejected == null
          ? tokens.current(access.accountId(), metrics::refreshed)
          : tokens.refresh(access.accountId(), rejected, metrics::refreshed);
    } catch (TokenUnavailable e) {
      if (e.reason() == TokenUnavailable.Reason.REFRESH_FAILED) {
        metrics.refreshFailed(e.connectionId() != null ? e.connectionId() : connection);
      }
      throw new LivestormException(
          switch (e.reason()) {
            case NOT_CONNECTED -> Kind.NOT_CONNECTED;
            case NEEDS_RECONNECT -> Kind.NEEDS_RECONNECT;
            case REFRESH_FAILED -> Kind.UNAVAILABLE;
          },
          "token",
          0,
          e.getMessage(),
          e);
    }
  }

  private CallPermits.Permit waitForPermit(String connection, Instant deadline)
      throws InterruptedException {
    long started = System.nanoTime();
    Optional<CallPermits.Permit> permit =
        permits.acquire(connection, Duration.between(Instant.now(), deadline));
    metrics.permitWait(connection, System.nanoTime() - started);
    return permit.orElseThrow(
        () ->
            new LivestormException(
                Kind.BUSY,
                "rate limit",
                0,
                "Livestorm is busy: no request slot for this connection before the deadline"));
  }

  private static LivestormException translate(HttpFailure failure, boolean idempotent) {
    Kind kind =
        failure.status == 0
            ? Kind.UNAVAILABLE
            : failure.isInsufficientScope()
                ? Kind.FORBIDDEN
                : LivestormException.kindOf(failure.status);
    String message =
        failure.getMessage()
            + (failure.status == 0 && !idempotent
                ? " (not retried: the request may have been applied)"
                : "");
    return new LivestormException(
        kind, failure.endpoint, failure.status, message, failure.getCause());
  }

  private static boolean idempotent(InvocationContext context) {
    LivestormCall call = context.getMethod().getAnnotation(LivestormCall.class);
    return call == null || call.idempotent();
  }

  private static int accessIndex(Object[] parameters) {
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i] instanceof Access) {
        return i;
      }
    }
    throw new IllegalStateException("a @LivestormCall method needs an Access parameter");
  }
}
