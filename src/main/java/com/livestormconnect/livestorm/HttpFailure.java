package com.livestormconnect.livestorm;

import java.util.Optional;

/**
 * A non-2xx answer (or no answer) to one attempt, raised by {@link LivestormHttp} for the
 * interceptor to decide on: retry, refresh, or a {@link LivestormException} for the caller.
 */
class HttpFailure extends RuntimeException {
  final String endpoint;
  final int status;
  final Optional<String> retryAfter;
  final Optional<String> wwwAuthenticate;

  HttpFailure(
      String endpoint,
      int status,
      Optional<String> retryAfter,
      Optional<String> wwwAuthenticate,
      String detail,
      Throwable cause) {
    super(
        endpoint
            + " answered "
            + (status == 0 ? "nothing" : Integer.toString(status))
            + (detail == null || detail.isEmpty() ? "" : ": " + detail),
        cause,
        false,
        false);
    this.endpoint = endpoint;
    this.status = status;
    this.retryAfter = retryAfter;
    this.wwwAuthenticate = wwwAuthenticate;
  }

  /**
   * RFC 6750 §3.1: the access token is expired, revoked or unknown. A bare 401 counts too; a 401
   * that names {@code insufficient_scope} does not (a refresh cannot widen the grant).
   */
  boolean isInvalidToken() {
    return status == 401
        && !isInsufficientScope()
        && wwwAuthenticate.map(h -> h.contains("invalid_token")).orElse(true);
  }

  /**
   * A refusal for a scope the grant lacks: a 403, or a 401 whose WWW-Authenticate says {@code
   * insufficient_scope} (Livestorm documents a missing scope once as 403, once as 401).
   */
  boolean isInsufficientScope() {
    return status == 403
        || (status == 401
            && wwwAuthenticate.map(h -> h.contains("insufficient_scope")).orElse(false));
  }
}
