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

  public TokenUnavailable(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
