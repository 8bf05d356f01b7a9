package com.livestormconnect.livestorm;

import com.livestormconnect.livestorm.LivestormException.Kind;
import com.livestormconnect.livestorm.budget.CallBudget;
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
 * within the margin, refreshed single-flight if needed; (2) a permit from the connection's {@link
 * CallBudget}, waiting in turn (page loads before background work) up to the caller's deadline;
 * then the request. After it: a 401 {@code invalid_token} refreshes once and retries once; a 429
 * goes to the budget, which holds back every caller of the connection for Retry-After (at most an
 * hour) or holds the connection until its monthly quota resets, and the retry queues like every
 * other caller; 5xx and transport failures are retried with backoff when the request is idempotent.
 * Anything else becomes a {@link LivestormException} for the page.
 */
@LivestormCall
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class LivestormCallInterceptor {
  /** How long one call may take in all, waiting for permits and retries included. */
  static final Duration DEADLINE = Duration.ofSeconds(90);

  @Inject TokenRefresh tokens;

  @Inject CallBudget budget;

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
    CallBudget.Priority priority =
        access.background() ? CallBudget.Priority.BACKGROUND : CallBudget.Priority.INTERACTIVE;
    boolean refreshedAfter401 = false;
    for (int attempt = 1; ; attempt++) {
      CallBudget.Permit permit = permit(token.connectionId(), priority, deadline);
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
        budget.answered(token.connectionId(), System.nanoTime() - started, true);
        return result;
      } catch (LivestormException unreadable) {
        if (unreadable.kind() == Kind.MALFORMED) {
          // Livestorm answered 2xx, but not a document we can map: a call, and a failed one.
          budget.answered(token.connectionId(), System.nanoTime() - started, false);
        }
        throw unreadable;
      } catch (HttpFailure failure) {
        budget.failed(token.connectionId(), System.nanoTime() - started);
        if (failure.isInvalidToken() && !refreshedAfter401 && access.granted() == null) {
          // Revoked or expired behind our back: one refresh, one more try.
          refreshedAfter401 = true;
          token = token(access, token.accessToken(), token.connectionId());
          budget.retried(token.connectionId());
          continue;
        }
        if (failure.status == 429) {
          if (!retryAfterPause(failure, token.connectionId(), idempotent, attempt, deadline)) {
            throw translate(failure, idempotent);
          }
          budget.retried(token.connectionId());
          continue;
        }
        Optional<Duration> delay =
            policy.delayBeforeRetry(
                RetryPolicy.outcomeOf(failure.status),
                idempotent,
                attempt,
                Duration.between(Instant.now(), deadline));
        if (delay.isEmpty()) {
          throw translate(failure, idempotent);
        }
        budget.retried(token.connectionId());
        Thread.sleep(delay.get().toMillis());
      }
    }
  }

  /**
   * A 429: the budget reads its Retry-After (once) and either holds the connection for its monthly
   * quota (a refusal: waiting days for a page helps nobody) or pauses every caller of the
   * connection (capped at an hour). The pause is applied once: the retry then waits for it in the
   * connection's queue like every other caller, keeping its place, rather than sleeping on its own
   * on top of it. False when the policy does not retry (attempts used up, or the pause ends after
   * the caller's deadline).
   */
  private boolean retryAfterPause(
      HttpFailure failure, String connection, boolean idempotent, int attempt, Instant deadline) {
    Duration pause;
    try {
      pause = budget.tooManyRequests(connection, failure.retryAfter, policy.backoff(attempt));
    } catch (CallBudget.Refusal refusal) {
      throw refused(refusal);
    }
    return policy.retries(RetryPolicy.Outcome.RATE_LIMITED, idempotent, attempt)
        && pause.compareTo(Duration.between(Instant.now(), deadline)) < 0;
  }

  /**
   * A usable token: the current one, or a replacement for {@code rejected}. A failed refresh counts
   * against the connection it was for (the {@link Access} carries none yet at this point).
   */
  private FreshToken token(Access access, String rejected, String connection) {
    try {
      return rejected == null
          ? tokens.current(access.accountId())
          : tokens.refresh(access.accountId(), rejected);
    } catch (TokenUnavailable e) {
      if (e.reason() == TokenUnavailable.Reason.REFRESH_FAILED) {
        budget.refreshFailed(e.connectionId() != null ? e.connectionId() : connection);
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

  private CallBudget.Permit permit(
      String connection, CallBudget.Priority priority, Instant deadline)
      throws InterruptedException {
    try {
      return budget.permit(connection, priority, deadline);
    } catch (CallBudget.Refusal refusal) {
      throw refused(refusal);
    }
  }

  private static LivestormException refused(CallBudget.Refusal refusal) {
    Kind kind =
        switch (refusal.reason()) {
          case BUSY -> Kind.BUSY;
          case QUOTA_USED_UP, BACKGROUND_SHARE_USED -> Kind.QUOTA_EXHAUSTED;
          case UNAVAILABLE -> Kind.UNAVAILABLE;
        };
    return new LivestormException(
        kind,
        kind == Kind.QUOTA_EXHAUSTED ? "monthly quota" : "rate limit",
        refusal.reason() == CallBudget.Refusal.Reason.QUOTA_USED_UP ? 429 : 0,
        refusal.getMessage(),
        refusal.getCause());
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
