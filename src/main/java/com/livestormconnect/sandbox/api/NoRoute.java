package com.livestormconnect.sandbox.api;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Set;

/**
 * A request no route takes is a JSON:API 404 naming its method and path, never the app's HTML error
 * page: no resource for the path (Jakarta REST's 404), none for the method (its 405), and what
 * Jakarta REST would answer by itself but the sandbox routes nowhere (HEAD, OPTIONS, a path with a
 * trailing slash). Checked after the token and the limits, as every request is counted.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 300)
public class NoRoute implements ContainerRequestFilter, ExceptionMapper<WebApplicationException> {
  private static final Set<String> ROUTED = Set.of("GET", "POST", "PATCH", "DELETE");

  @Context HttpServletRequest http;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = path();
    if (!ROUTED.contains(request.getMethod()) || path.length() > 1 && path.endsWith("/")) {
      request.abortWith(answer().build());
    }
  }

  @Override
  public Response toResponse(WebApplicationException e) {
    Response response = e.getResponse();
    if (response.hasEntity()) {
      return response;
    }
    if (response.getStatus() == 404 || response.getStatus() == 405) {
      return answer().build();
    }
    return new ApiError(
            response.getStatus(), response.getStatusInfo().getReasonPhrase(), e.getMessage())
        .response()
        .build();
  }

  private Response.ResponseBuilder answer() {
    return ApiError.notFound("No route matches " + http.getMethod() + " " + path()).response();
  }

  private String path() {
    return http.getPathInfo() == null ? "/" : http.getPathInfo();
  }
}
