package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.control.SandboxStats;
import com.livestormconnect.sandbox.oauth.IssuedTokens;
import com.livestormconnect.sandbox.oauth.OAuthError;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Every API request is counted, then needs a valid access token (401 with Doorkeeper's header
 * otherwise), before any route is matched: an unknown path with a bad token is a 401, as before.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerToken implements ContainerRequestFilter {
  /** Request properties: the access token and its scopes, for the limits and the scope check. */
  static final String TOKEN = BearerToken.class.getName() + ".token";

  static final String SCOPES = BearerToken.class.getName() + ".scopes";

  @Inject IssuedTokens tokens;

  @Inject RateLimits limits;

  @Inject SandboxStats stats;

  @Context HttpServletRequest http;

  @Override
  public void filter(ContainerRequestContext request) {
    String token = bearer();
    stats.apiRequest(token);
    IssuedTokens.Authentication auth = tokens.authenticate(token);
    if (!auth.valid()) {
      RateLimiting.headers(request, limits.headers(RateLimits.PER_SECOND));
      request.abortWith(refusal(401, "invalid_token", auth.refusal().description));
      return;
    }
    request.setProperty(TOKEN, token);
    request.setProperty(SCOPES, auth.row().scopes());
  }

  /**
   * Doorkeeper reads the token from the Authorization header, then access_token or bearer_token
   * (the servlet's parameters: the query, or a form body, as Rails' params).
   */
  private String bearer() {
    String header = http.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    String param = http.getParameter("access_token");
    return param != null ? param : http.getParameter("bearer_token");
  }

  /** Doorkeeper's protected-resource refusal header, with a JSON:API body as well. */
  static Response refusal(int status, String error, String description) {
    return new ApiError(status, status == 401 ? "Unauthorized" : "Forbidden", description)
        .response()
        .header(
            "WWW-Authenticate",
            "Bearer realm=\"Doorkeeper\", error=\""
                + error
                + "\", error_description=\""
                + OAuthError.headerSafe(description)
                + "\"")
        .build();
  }
}
