package com.livestormconnect.sandbox.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's Livestorm API v1: a Jakarta REST application of its own under /sandbox/api/v1.
 * Every class it serves is listed here: a non-empty {@code getClasses} publishes only those
 * (Jakarta REST 3.1, 2.3.2), and none of its filters or mappers carries {@code @Provider}, so no
 * server's scan adds anything to it or takes anything of it elsewhere. A request meets, in this
 * order: {@link Latency}, {@link BearerToken} (401), {@link InjectedFaults}, {@link RateLimiting}
 * (monthly quota, then the rolling second: 429), {@link NoRoute} and the routes (404), {@link
 * ScopeCheck} (403, or 401 by variant), the resource; the RateLimit-* headers go on every answer.
 * In production the servlet filter {@code SandboxGate} (on {@code /sandbox/*}, like this
 * application's servlet) answers 404 before any of this runs.
 */
@ApplicationPath("/sandbox/api/v1")
public class SandboxApi extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        Latency.class,
        BearerToken.class,
        InjectedFaults.class,
        BadAnswers.class,
        RateLimiting.class,
        NoRoute.class,
        ScopeCheck.class,
        ApiError.Mapper.class,
        AccountApi.class,
        EventsApi.class,
        SessionsApi.class,
        PeopleApi.class,
        WebhooksApi.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    // Jersey (Payara, GlassFish) would otherwise serve /application.wadl; other servers ignore it.
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
