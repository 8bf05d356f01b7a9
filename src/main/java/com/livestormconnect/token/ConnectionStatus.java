package com.livestormconnect.token;

/** Whether the stored tokens can still be used, or the user must connect again. */
public enum ConnectionStatus {
  CONNECTED,
  /** The refresh token was refused ({@code invalid_grant}): only a new authorization helps. */
  NEEDS_RECONNECT
}
