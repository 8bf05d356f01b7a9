package com.livestormconnect.livestorm;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that calls Livestorm's API: it gets a fresh token and a rate-limit permit before
 * each attempt, and refresh-and-retry or backoff after failures ({@link LivestormCallInterceptor}).
 * The method must take an {@link Access} parameter.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface LivestormCall {
  /**
   * False for requests that must not be repeated blindly after a 5xx or a network failure.
   * Non-binding: one interceptor serves both kinds of method.
   */
  @Nonbinding
  boolean idempotent() default true;
}
