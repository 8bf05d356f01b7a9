package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.control.Faults;
import com.livestormconnect.sandbox.control.SandboxStats;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** A fault queued by a test (control {@code faults}) answers the next authenticated requests. */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
@ApplicationScoped
public class InjectedFaults implements ContainerRequestFilter {
  @Inject Faults faults;

  @Inject RateLimits limits;

  @Inject SandboxStats stats;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<Faults.Fault> fault = faults.take();
    if (fault.isEmpty()) {
      return;
    }
    stats.faultSent();
    boolean limited = fault.get().status() == 429;
    RateLimiting.headers(request, limits.headers(limited ? 0 : RateLimits.PER_SECOND));
    Response.ResponseBuilder answer =
        new ApiError(fault.get().status(), "Injected fault", "Sandbox fault injected by a test")
            .response();
    if (limited) {
      answer.header("Retry-After", Integer.toString(fault.get().retryAfterSeconds()));
    }
    request.abortWith(answer.build());
  }
}
