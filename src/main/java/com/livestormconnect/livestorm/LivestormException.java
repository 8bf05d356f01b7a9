package com.livestormconnect.livestorm;

/**
 * A call to Livestorm that did not give a usable answer. The kind says what the dashboard should
 * tell the user; the message names the endpoint and the cause, never a token.
 */
public class LivestormException extends RuntimeException {
  /** What went wrong, in the terms the user needs. */
  public enum Kind {
    /** Our own rate limit: no permit before the caller's deadline. */
    BUSY,
    /** The refresh token was refused; the user must connect again. */
    NEEDS_RECONNECT,
    /** There is no connection for this account. */
    NOT_CONNECTED,
    /** 401 even after a refresh. */
    UNAUTHORIZED,
    /** 403: the granted scopes do not allow this. */
    FORBIDDEN,
    /** 404. */
    NOT_FOUND,
    /** 409, e.g. already registered. */
    CONFLICT,
    /** Other 4xx: Livestorm rejected what we sent (400, 402, 422...). */
    REJECTED,
    /** 429 beyond the caller's deadline. */
    RATE_LIMITED,
    /**
     * The monthly call quota is used up: no call until it resets (the call budget holds the
     * connection).
     */
    QUOTA_EXHAUSTED,
    /** 5xx, timeouts, connection failures. */
    UNAVAILABLE,
    /** A body we cannot read. */
    MALFORMED
  }

  private final Kind kind;
  private final String endpoint;
  private final int status;

  public LivestormException(
      Kind kind, String endpoint, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.endpoint = endpoint;
    this.status = status;
  }

  public LivestormException(Kind kind, String endpoint, int status, String message) {
    this(kind, endpoint, status, message, null);
  }

  static LivestormException malformed(String endpoint, String why) {
    return new LivestormException(
        Kind.MALFORMED,
        endpoint,
        200,
        "Livestorm answered " + endpoint + " with a body we cannot read: " + why);
  }

  /** The kind of failure an HTTP status means. */
  public static Kind kindOf(int status) {
    return switch (status) {
      case 401 -> Kind.UNAUTHORIZED;
      case 403 -> Kind.FORBIDDEN;
      case 404 -> Kind.NOT_FOUND;
      case 409 -> Kind.CONFLICT;
      case 429 -> Kind.RATE_LIMITED;
      default -> status >= 500 ? Kind.UNAVAILABLE : Kind.REJECTED;
    };
  }

  public Kind kind() {
    return kind;
  }

  public String endpoint() {
    return endpoint;
  }

  /** The HTTP status, or 0 when no response came back. */
  public int status() {
    return status;
  }
}
