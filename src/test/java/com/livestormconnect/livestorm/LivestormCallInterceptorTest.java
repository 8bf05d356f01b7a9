package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.livestormconnect.livestorm.RateLimitedRetryTest.Invocation;
import com.livestormconnect.token.FreshToken;
import com.livestormconnect.token.TokenRefresh;
import com.livestormconnect.token.TokenUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the interceptor counts per connection (issue 15 §4). */
class LivestormCallInterceptorTest {
  private final LivestormCallInterceptor interceptor = new LivestormCallInterceptor();

  LivestormCallInterceptorTest() {
    interceptor.metrics = new CallMetrics();
    interceptor.monthlyQuota = new MonthlyQuota();
    interceptor.monthlyQuota.quotas = new Quotas();
    interceptor.permits = new CallPermits(5, CallPermits.WINDOW);
  }

  /** A refresh after a 401 fails: the failure counts against the connection whose token it was. */
  @Test
  void aRefreshFailureAfterA401CountsAgainstTheConnection() {
    interceptor.tokens =
        new TokenRefresh() {
          @Override
          public FreshToken current(long accountId, Consumer<String> onRefresh) {
            return new FreshToken("connection-1", "token", Instant.now().plusSeconds(3600));
          }

          @Override
          public FreshToken refresh(long accountId, String stale, Consumer<String> onRefresh) {
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

    assertEquals(1, interceptor.metrics.forConnection("connection-1").refreshFailures());
    assertEquals(1, interceptor.metrics.total().refreshFailures());
  }

  /** A refresh due before the call fails: the exception names the connection, which is counted. */
  @Test
  void aRefreshFailureBeforeTheCallCountsAgainstTheConnectionItNames() {
    interceptor.tokens =
        new TokenRefresh() {
          @Override
          public FreshToken current(long accountId, Consumer<String> onRefresh) {
            throw new TokenUnavailable(
                TokenUnavailable.Reason.REFRESH_FAILED,
                "token endpoint unreachable",
                "connection-2");
          }
        };

    assertThrows(LivestormException.class, () -> interceptor.call(new Invocation(() -> "called")));

    assertEquals(1, interceptor.metrics.forConnection("connection-2").refreshFailures());
  }

  /**
   * The callback's /me with tokens not stored yet: used as given (no lookup, no refresh even after
   * a 401), yet with a permit of the connection and counted against it.
   */
  @Test
  void justIssuedTokensAreUsedAsGivenWithAPermitAndCounted() throws Exception {
    List<String> permitsFor = new CopyOnWriteArrayList<>();
    interceptor.permits =
        new CallPermits(5, CallPermits.WINDOW) {
          @Override
          public Optional<Permit> acquire(String connection, Duration maxWait)
              throws InterruptedException {
            permitsFor.add(connection);
            return super.acquire(connection, maxWait);
          }
        };
    interceptor.tokens =
        new TokenRefresh() {
          @Override
          public FreshToken current(long accountId, Consumer<String> onRefresh) {
            throw new AssertionError("the store is not asked");
          }

          @Override
          public FreshToken refresh(long accountId, String stale, Consumer<String> onRefresh) {
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
    assertEquals(2, interceptor.metrics.forConnection("new-connection").calls());
    assertEquals(1, interceptor.metrics.forConnection("new-connection").failures());
  }

  /**
   * A 2xx whose JSON does not map is still a call Livestorm answered (and counted), a failed one.
   */
  @Test
  void aMalformedAnswerIsCountedAsAFailedCall() {
    interceptor.tokens =
        new TokenRefresh() {
          @Override
          public FreshToken current(long accountId, Consumer<String> onRefresh) {
            return new FreshToken("connection-1", "token", Instant.now().plusSeconds(3600));
          }
        };
    Invocation invocation = new Invocation(() -> JsonApi.one("{\"data\": []}", "/me", User::from));

    assertEquals(
        LivestormException.Kind.MALFORMED,
        assertThrows(LivestormException.class, () -> interceptor.call(invocation)).kind());

    CallMetrics.Snapshot counted = interceptor.metrics.forConnection("connection-1");
    assertEquals(1, counted.calls());
    assertEquals(1, counted.failures());
    assertEquals(1, interceptor.metrics.total().calls());
  }
}
