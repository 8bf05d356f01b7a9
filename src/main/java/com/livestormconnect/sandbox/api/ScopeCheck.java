package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.SandboxVariants.Variant;
import com.livestormconnect.sandbox.oauth.LivestormScopes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The matched method's {@link RequiredScope} against the token's scopes. Livestorm documents a
 * missing scope once as 403 and once as 401: either, by variant, with Doorkeeper's header.
 */
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class ScopeCheck implements ContainerRequestFilter {
  @Inject SandboxVariants variants;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    RequiredScope required =
        method.isAnnotationPresent(RequiredScope.class)
            ? method.getAnnotation(RequiredScope.class)
            : method.getDeclaringClass().getAnnotation(RequiredScope.class);
    if (required == null) {
      throw new IllegalStateException("No @RequiredScope on " + method);
    }
    boolean write = !request.getMethod().equals("GET");
    @SuppressWarnings("unchecked")
    List<String> granted = (List<String>) request.getProperty(BearerToken.SCOPES);
    if (required.value().length == 0
        || Arrays.stream(required.value())
            .anyMatch(area -> LivestormScopes.allow(granted, area, write))) {
      return;
    }
    int status = variants.is(Variant.MISSING_SCOPE, "401") ? 401 : 403;
    String needed =
        Arrays.stream(required.value())
            .map(area -> area + (write ? ":write" : ":read"))
            .collect(Collectors.joining(" or "));
    request.abortWith(
        BearerToken.refusal(
            status,
            "insufficient_scope",
            "Access to this resource requires scope \"" + needed + "\"."));
  }
}
