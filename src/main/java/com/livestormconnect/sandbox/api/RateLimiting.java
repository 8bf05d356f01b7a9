package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.control.SandboxStats;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Map;

/**
 * The monthly quota, then the rolling second (both 429 with Retry-After), before any route is
 * matched, so that every request that reaches a route (or none) is counted. The RateLimit-* headers
 * are taken when the request is decided and put on its answer, whatever it is.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 200)
@ApplicationScoped
public class RateLimiting implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String HEADERS = RateLimiting.class.getName() + ".headers";

  @Inject RateLimits limits;

  @Inject SandboxStats stats;

  /** The RateLimit-* headers for this request's answer. */
  static void headers(ContainerRequestContext request, Map<String, String> headers) {
    request.setProperty(HEADERS, headers);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String token = (String) request.getProperty(BearerToken.TOKEN);
    if (limits.quotaUsedUp()) {
      // The monthly quota: a 429 whose Retry-After runs to the end of the period.
      headers(request, limits.headers(RateLimits.PER_SECOND));
      stats.rateLimited(token);
      request.abortWith(
          new ApiError(429, "Too Many Requests", "Monthly API quota exceeded")
              .response()
              .header("Retry-After", Long.toString(limits.secondsUntilReset()))
              .build());
      return;
    }
    RollingSecondLimit.Decision decision = limits.take(token);
    headers(request, limits.headers(decision.remaining()));
    if (!decision.allowed()) {
      stats.rateLimited(token);
      request.abortWith(
          new ApiError(429, "Too Many Requests", "Rate limit exceeded: 5 requests per second")
              .response()
              .header("Retry-After", Long.toString(decision.retryAfterSeconds()))
              .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(HEADERS) instanceof Map<?, ?> headers) {
      headers.forEach((name, value) -> response.getHeaders().putSingle((String) name, value));
    }
  }
}
