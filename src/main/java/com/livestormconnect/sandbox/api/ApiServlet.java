package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.JsonBody;
import com.livestormconnect.sandbox.SandboxSettings;
import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.SandboxVariants.Variant;
import com.livestormconnect.sandbox.control.Faults;
import com.livestormconnect.sandbox.control.SandboxStats;
import com.livestormconnect.sandbox.oauth.IssuedTokens;
import com.livestormconnect.sandbox.oauth.LivestormScopes;
import com.livestormconnect.sandbox.oauth.OAuthError;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every /sandbox/api/v1 call, in this order: bearer token (401), injected fault, monthly quota
 * (429), rate limit (429), route (404), scope (403 or 401: variant), handler. The RateLimit-* headers go on every answer.
 */
@WebServlet("/sandbox/api/v1/*")
public class ApiServlet extends HttpServlet {
  static final String JSON_API = "application/vnd.api+json";

  @Inject
  IssuedTokens tokens;

  @Inject
  RateLimits limits;

  @Inject
  Faults faults;

  @Inject
  SandboxStats stats;

  @Inject
  SandboxVariants variants;

  @Inject
  AccountApi account;

  @Inject
  EventsApi events;

  @Inject
  SessionsApi sessions;

  @Inject
  PeopleApi people;

  @Inject
  WebhooksApi webhooks;

  private List<Route> routes;

  @Override
  public void init() {
    List<Route> all = new ArrayList<>();
    all.addAll(account.routes());
    all.addAll(events.routes());
    all.addAll(sessions.routes());
    all.addAll(people.routes());
    all.addAll(webhooks.routes());
    routes = List.copyOf(all);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long latency = SandboxSettings.latencyMillis();
    // The request travels before it arrives (and is counted), its answer travels back after.
    travel(latency / 2);
    try {
      answer(request, response);
    } finally {
      travel(latency - latency / 2);
    }
  }

  private static void travel(long millis) throws IOException {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String token = bearer(request);
    stats.apiRequest(token);
    IssuedTokens.Authentication auth = tokens.authenticate(token);
    if (!auth.valid()) {
      limits.headers(response, RateLimits.PER_SECOND);
      refuse(response, 401, "invalid_token", auth.refusal().description);
      return;
    }
    Optional<Faults.Fault> fault = faults.take();
    if (fault.isPresent()) {
      stats.faultSent();
      writeFault(response, fault.get());
      return;
    }
    if (limits.quotaUsedUp()) {
      // The monthly quota: a 429 whose Retry-After runs to the end of the period.
      limits.headers(response, RateLimits.PER_SECOND);
      stats.rateLimited(token);
      response.setHeader("Retry-After", Long.toString(limits.secondsUntilReset()));
      write(response, new ApiError(429, "Too Many Requests", "Monthly API quota exceeded"));
      return;
    }
    RollingSecondLimit.Decision decision = limits.take(token);
    limits.headers(response, decision.remaining());
    if (!decision.allowed()) {
      stats.rateLimited(token);
      response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
      write(response, new ApiError(429, "Too Many Requests", "Rate limit exceeded: 5 requests per second"));
      return;
    }
    dispatch(request, response, auth.row());
  }

  private void dispatch(HttpServletRequest request, HttpServletResponse response, IssuedTokens.Row row)
      throws IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    for (Route route : routes) {
      Optional<Map<String, String>> match = route.match(request.getMethod(), path);
      if (match.isEmpty()) {
        continue;
      }
      if (!allowed(route, row.scopes())) {
        // Livestorm documents a missing scope once as 403 and once as 401: either, by variant.
        int status = variants.is(Variant.MISSING_SCOPE, "401") ? 401 : 403;
        refuse(response, status, "insufficient_scope", "Access to this resource requires scope \""
            + neededScopes(route) + "\".");
        return;
      }
      try {
        Reply reply = route.handler().handle(new ApiRequest(request, match.get()));
        if (emptyListRefused(reply)) {
          throw Page.parse("0", null).pastTheEnd(0);
        }
        if (reply.document() == null) {
          response.setStatus(reply.status());
        } else {
          JsonBody.write(response, reply.status(), JSON_API, reply.document());
        }
      } catch (ApiError e) {
        write(response, e);
      }
      return;
    }
    write(response, ApiError.notFound("No route matches " + request.getMethod() + " " + path));
  }

  /** Variant: page 0 of an empty list answers 400 like any page that does not exist. */
  private boolean emptyListRefused(Reply reply) {
    return reply.document() != null && reply.document().get("meta") instanceof Map<?, ?> meta
        && Integer.valueOf(0).equals(meta.get("record_count"))
        && variants.is(Variant.EMPTY_LIST, "bad_request");
  }

  private static boolean allowed(Route route, List<String> scopes) {
    return route.area() == null || Arrays.stream(route.area().split("\\|"))
        .anyMatch(area -> LivestormScopes.allow(scopes, area, route.write()));
  }

  private static String neededScopes(Route route) {
    return Arrays.stream(route.area().split("\\|")).map(a -> a + (route.write() ? ":write" : ":read"))
        .reduce((a, b) -> a + " or " + b).orElse("");
  }

  /** Doorkeeper reads the token from the Authorization header, then access_token or bearer_token. */
  private static String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    String param = request.getParameter("access_token");
    return param != null ? param : request.getParameter("bearer_token");
  }

  private void writeFault(HttpServletResponse response, Faults.Fault fault) throws IOException {
    limits.headers(response, fault.status() == 429 ? 0 : RateLimits.PER_SECOND);
    if (fault.status() == 429) {
      response.setHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()));
    }
    write(response, new ApiError(fault.status(), "Injected fault", "Sandbox fault injected by a test"));
  }

  /** Doorkeeper's protected-resource refusal header, with a JSON:API body as well. */
  private static void refuse(HttpServletResponse response, int status, String error, String description)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"Doorkeeper\", error=\"" + error
        + "\", error_description=\"" + OAuthError.headerSafe(description) + "\"");
    write(response, new ApiError(status, status == 401 ? "Unauthorized" : "Forbidden", description));
  }

  private static void write(HttpServletResponse response, ApiError error) throws IOException {
    JsonBody.write(response, error.status(), JSON_API, error.document());
  }
}
