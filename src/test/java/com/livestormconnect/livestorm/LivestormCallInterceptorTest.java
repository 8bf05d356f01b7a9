package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.livestormconnect.livestorm.RateLimitedRetryTest.Invocation;
import com.livestormconnect.livestorm.budget.Budgets;
import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.token.FreshToken;
import com.livestormconnect.token.TokenRefresh;
import com.livestormconnect.token.TokenUnavailable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the interceptor counts per connection. */
class LivestormCallInterceptorTest {
  private final LivestormCallInterceptor interceptor = new LivestormCallInterceptor();

  LivestormCallInterceptorTest() {
    interceptor.budget = Budgets.inMemory();
  }

  private CallBudget.Counters counted(String connection) {
    return interceptor.budget.standing(connection).counters();
  }

  /** A refresh after a 401 fails: the failure counts against the connection whose token it was. */
  @Test
  void aRefreshFailureAfterA401CountsAgainstTheConnection() {
    interceptor.tokens =
        new TokenRefresh() {
          @Override
          public FreshToken current(long accountId) {
            return new FreshToken("connection-1", "token", Instant.now().plusSeconds(3600));
          }

          @Override
          public FreshToken refresh(long accountId, String stale) {
            throw new TokenUnavailable(
                TokenUnavailable.Reason.REFRESH_FAILED, "token endpoint unreachable");
          }
        };
    Invocation invocation =
        new Invocation(
            () -> {
              throw new HttpFailure("/events", 401, Optional.empty(), Optional.empty(), "", null);
            });

    assertEquals(
        LivestormException.Kind.UNAVAILABLE,
        assertThrows(LivestormException.class, () -> interceptor.call(invocation)).kind());

    assertEquals(1, counted("connection-1").refreshFailures());
    assertEquals(1, interceptor.budget.totals().calls().refreshFailures());
  }

  /** A refresh due before the call fails: the exception names the connection, which is counted. */
  @Test
  void aRefreshFailureBeforeTheCallCountsAgainstTheConnectionItNames() {
    interceptor.tokens =
        new TokenRefresh() {
          @Override
          public FreshToken current(long accountId) {
            throw new TokenUnavailable(
                TokenUnavailable.Reason.REFRESH_FAILED,
                "token endpoint unreachable",
                "connection-2");
          }
        };

    assertThrows(LivestormException.class, () -> interceptor.call(new Invocation(() -> "called")));

    assertEquals(1, counted("connection-2").refreshFailures());
  }

  /**
   * The callback's /me with tokens not stored yet: used as given (no lookup, no refresh even after
   * a 401), yet with a permit of the connection and counted against it.
   */
  @Test
  void justIssuedTokensAreUsedAsGivenWithAPermitAndCounted() throws Exception {
    List<String> permitsFor = new CopyOnWriteArrayList<>();
    CallBudget budget = interceptor.budget;
    interceptor.budget =
        new CallBudget() {
          @Override
          public Permit permit(String connection, Priority priority, Instant deadline)
              throws InterruptedException {
            permitsFor.add(connection);
            return budget.permit(connection, priority, deadline);
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
          public Standing standing(String connection) {
            return budget.standing(connection);
          }
        };
    interceptor.tokens =
        new TokenRefresh() {
          @Override
          public FreshToken current(long accountId) {
            throw new AssertionError("the store is not asked");
          }

          @Override
          public FreshToken refresh(long accountId, String stale) {
            throw new AssertionError("nothing stored to refresh");
          }
        };
    FreshToken issued =
        new FreshToken("new-connection", "issued-token", Instant.now().plusSeconds(7200));
    List<Access> seen = new CopyOnWriteArrayList<>();
    Invocation ok = new Invocation(() -> "called");
    ok.setParameters(new Object[] {Access.granted(1, issued)});
    Invocation rejected =
        new Invocation(
            () -> {
              throw new HttpFailure("/me", 401, Optional.empty(), Optional.empty(), "", null);
            });
    rejected.setParameters(new Object[] {Access.granted(1, issued)});

    assertEquals("called", interceptor.call(ok));
    seen.add((Access) ok.getParameters()[0]);
    assertEquals(
        LivestormException.Kind.UNAUTHORIZED,
        assertThrows(LivestormException.class, () -> interceptor.call(rejected)).kind());

    assertEquals("issued-token", seen.get(0).bearer());
    assertEquals("new-connection", seen.get(0).connectionId());
    assertEquals(List.of("new-connection", "new-connection"), permitsFor);
    assertEquals(2, counted("new-connection").calls());
    assertEquals(1, counted("new-connection").failures());
  }

  /**
   * A 2xx whose JSON does not map is still a call Livestorm answered (and counted), a failed one.
   */
  @Test
  void aMalformedAnswerIsCountedAsAFailedCall() {
    interceptor.tokens =
        new TokenRefresh() {
          @Override
          public FreshToken current(long accountId) {
            return new FreshToken("connection-1", "token", Instant.now().plusSeconds(3600));
          }
        };
    Invocation invocation = new Invocation(() -> JsonApi.one("{\"data\": []}", "/me", User::from));

    assertEquals(
        LivestormException.Kind.MALFORMED,
        assertThrows(LivestormException.class, () -> interceptor.call(invocation)).kind());

    CallBudget.Counters counted = counted("connection-1");
    assertEquals(1, counted.calls());
    assertEquals(1, counted.failures());
    assertEquals(1, interceptor.budget.totals().calls().calls());
  }
}
