package com.livestormconnect.sandbox.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope areas a resource method needs, any one of them ({@code events} needs events:read for
 * a GET, events:write otherwise); a method without it takes any valid token. See {@link ScopeCheck}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiredScope {
  String[] value();
}
