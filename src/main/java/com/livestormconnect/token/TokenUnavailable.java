package com.livestormconnect.token;

/** No usable access token for an account, and why. Never carries a token or a server body. */
public class TokenUnavailable extends RuntimeException {
  /** Why there is no token. */
  public enum Reason {
    /** The account has no Livestorm connection. */
    NOT_CONNECTED,
    /** The refresh token was refused (invalid_grant); the user must connect again. */
    NEEDS_RECONNECT,
    /** The refresh failed for another reason (network, 5xx, ...); the stored tokens are intact. */
    REFRESH_FAILED
  }

  private final Reason reason;
  private final String connectionId;

  public TokenUnavailable(Reason reason, String message) {
    this(reason, message, null);
  }

  public TokenUnavailable(Reason reason, String message, String connectionId) {
    super(message);
    this.reason = reason;
    this.connectionId = connectionId;
  }

  public Reason reason() {
    return reason;
  }

  /** The connection whose token could not be had; null when the account has none. */
  public String connectionId() {
    return connectionId;
  }
}
