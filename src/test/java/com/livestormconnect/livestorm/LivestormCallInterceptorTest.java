package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.livestormconnect.livestorm.RateLimitedRetryTest.Invocation;
import com.livestormconnect.token.FreshToken;
import com.livestormconnect.token.TokenRefresh;
import com.livestormconnect.token.TokenUnavailable;
import java.time.Instant;
import java.util.Optional;
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
    interceptor.tokens = new TokenRefresh() {
      @Override
      public FreshToken current(long accountId, Consumer<String> onRefresh) {
        return new FreshToken("connection-1", "token", Instant.now().plusSeconds(3600));
      }

      @Override
      public FreshToken refresh(long accountId, String stale, Consumer<String> onRefresh) {
        throw new TokenUnavailable(TokenUnavailable.Reason.REFRESH_FAILED, "token endpoint unreachable");
      }
    };
    Invocation invocation = new Invocation(() -> {
      throw new HttpFailure("/events", 401, Optional.empty(), Optional.empty(), "", null);
    });

    assertEquals(LivestormException.Kind.UNAVAILABLE,
        assertThrows(LivestormException.class, () -> interceptor.call(invocation)).kind());

    assertEquals(1, interceptor.metrics.forConnection("connection-1").refreshFailures());
    assertEquals(1, interceptor.metrics.total().refreshFailures());
  }

  /** A refresh due before the call fails: the exception names the connection, which is counted. */
  @Test
  void aRefreshFailureBeforeTheCallCountsAgainstTheConnectionItNames() {
    interceptor.tokens = new TokenRefresh() {
      @Override
      public FreshToken current(long accountId, Consumer<String> onRefresh) {
        throw new TokenUnavailable(TokenUnavailable.Reason.REFRESH_FAILED, "token endpoint unreachable",
            "connection-2");
      }
    };

    assertThrows(LivestormException.class, () -> interceptor.call(new Invocation(() -> "called")));

    assertEquals(1, interceptor.metrics.forConnection("connection-2").refreshFailures());
  }

  /** A 2xx whose JSON does not map is still a call Livestorm answered (and counted), a failed one. */
  @Test
  void aMalformedAnswerIsCountedAsAFailedCall() {
    interceptor.tokens = new TokenRefresh() {
      @Override
      public FreshToken current(long accountId, Consumer<String> onRefresh) {
        return new FreshToken("connection-1", "token", Instant.now().plusSeconds(3600));
      }
    };
    Invocation invocation = new Invocation(() -> JsonApi.one("{\"data\": []}", "/me", User::from));

    assertEquals(LivestormException.Kind.MALFORMED,
        assertThrows(LivestormException.class, () -> interceptor.call(invocation)).kind());

    CallMetrics.Snapshot counted = interceptor.metrics.forConnection("connection-1");
    assertEquals(1, counted.calls());
    assertEquals(1, counted.failures());
    assertEquals(1, interceptor.metrics.total().calls());
  }
}
