package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.livestorm.budget.Budgets;
import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.token.FreshToken;
import com.livestormconnect.token.TokenRefresh;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The interceptor's answer to a 429: Retry-After is read once and applied once, as the connection's
 * pause (capped at an hour); the retry waits for that pause in the connection's queue instead of
 * sleeping on its own first.
 */
class RateLimitedRetryTest {
  /** A @LivestormCall method for the fake invocation to point at. */
  static final class Target {
    @LivestormCall
    public String call(Access access) {
      return "called";
    }
  }

  private final List<Long> acquiredAt = new CopyOnWriteArrayList<>();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final LivestormCallInterceptor interceptor = new LivestormCallInterceptor();

  private final CallBudget budget = Budgets.inMemory();

  RateLimitedRetryTest() {
    interceptor.budget =
        new CallBudget() {
          @Override
          public Permit permit(String connection, Priority priority, Instant deadline)
              throws InterruptedException {
            acquiredAt.add(System.nanoTime());
            return budget.permit(connection, priority, deadline);
          }

          @Override
          public Duration tooManyRequests(
              String connection, Optional<String> retryAfter, Duration backoff) {
            Duration pause = budget.tooManyRequests(connection, retryAfter, backoff);
            pauses.add(pause);
            return pause;
          }

          @Override
          public void answered(String connection, long nanos, boolean readable) {
            budget.answered(connection, nanos, readable);
          }

          @Override
          public void failed(String connection, long nanos) {
            budget.failed(connection, nanos);
          }

          @Override
          public void retried(String connection) {
            budget.retried(connection);
          }
        };
    interceptor.tokens =
        new TokenRefresh() {
          @Override
          public FreshToken current(long accountId) {
            return new FreshToken("connection-1", "token", Instant.now().plusSeconds(3600));
          }
        };
  }

  @Test
  void a429sRetryAfterIsAppliedOnceAsThePauseAndTheRetryQueuesAtOnce() throws Exception {
    List<Long> answeredAt = new CopyOnWriteArrayList<>();
    Invocation invocation =
        new Invocation(
            () -> {
              answeredAt.add(System.nanoTime());
              if (answeredAt.size() == 1) {
                throw new HttpFailure("/events", 429, Optional.of("1"), Optional.empty(), "", null);
              }
              return "called";
            });
    long started = System.nanoTime();

    assertEquals("called", interceptor.call(invocation));

    long elapsed = System.nanoTime() - started;
    assertEquals(List.of(Duration.ofSeconds(1)), pauses, "one pause, of Retry-After");
    assertEquals(2, acquiredAt.size());
    long beforeQueueing = acquiredAt.get(1) - answeredAt.get(0);
    assertTrue(
        beforeQueueing < Duration.ofMillis(500).toNanos(),
        "the retry queued " + beforeQueueing / 1_000_000 + " ms after the 429 instead of at once");
    assertTrue(
        answeredAt.get(1) - answeredAt.get(0) >= Duration.ofMillis(990).toNanos(),
        "the pause held the retry back");
    assertTrue(
        elapsed < Duration.ofMillis(1_900).toNanos(),
        "Retry-After applied once: " + elapsed / 1_000_000 + " ms");
  }

  /**
   * A Retry-After of 68 years (2147483647 s) pauses nothing until restart: a wait that long can
   * only mean the monthly quota, so the call fails at once, the connection is held back at most
   * until a month from now, and one probe an hour may still find the quota back.
   */
  @Test
  void aHugeRetryAfterFailsTheCallAtOnceAndHoldsTheConnectionBackAMonthAtMost() {
    Invocation invocation =
        new Invocation(
            () -> {
              throw new HttpFailure(
                  "/events", 429, Optional.of("2147483647"), Optional.empty(), "", null);
            });

    LivestormException failure =
        assertThrows(LivestormException.class, () -> interceptor.call(invocation));

    assertEquals(LivestormException.Kind.QUOTA_EXHAUSTED, failure.kind());
    assertEquals(List.of(), pauses, "no per-second pause on top");
    Instant until = budget.standing("connection-1").quotaUsedUpUntil().orElseThrow();
    assertTrue(
        until.isBefore(Instant.now().plus(Duration.ofDays(32)).plusSeconds(1)), until.toString());
    assertEquals(
        LivestormException.Kind.QUOTA_EXHAUSTED,
        assertThrows(
                LivestormException.class, () -> interceptor.call(new Invocation(() -> "called")))
            .kind(),
        "no call until the hourly probe");
  }

  /** One intercepted call of {@link Target#call}, answering through {@code attempt}. */
  static final class Invocation implements InvocationContext {
    interface Attempt {
      Object run() throws Exception;
    }

    private final Attempt attempt;
    private Object[] parameters = {Access.of(1)};
    private final Map<String, Object> data = new HashMap<>();

    Invocation(Attempt attempt) {
      this.attempt = attempt;
    }

    @Override
    public Object getTarget() {
      return new Target();
    }

    @Override
    public Object getTimer() {
      return null;
    }

    @Override
    public Method getMethod() {
      try {
        return Target.class.getMethod("call", Access.class);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Constructor<?> getConstructor() {
      return null;
    }

    @Override
    public Object[] getParameters() {
      return parameters;
    }

    @Override
    public void setParameters(Object[] params) {
      parameters = params;
    }

    @Override
    public Map<String, Object> getContextData() {
      return data;
    }

    @Override
    public Object proceed() throws Exception {
      return attempt.run();
    }
  }
}
