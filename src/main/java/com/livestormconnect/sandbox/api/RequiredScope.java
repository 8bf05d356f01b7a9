package com.livestormconnect.sandbox.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope areas a resource method (or every method of its class) needs, any one of them ({@code
 * events}: events:read for a GET, events:write otherwise); {@code {}} for any valid token. A
 * resource method without one fails closed (see {@link ScopeCheck}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiredScope {
  String[] value();
}
