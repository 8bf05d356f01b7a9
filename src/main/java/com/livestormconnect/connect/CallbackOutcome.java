package com.livestormconnect.connect;

/**
 * How a callback ended: connected, or a page explaining what went wrong.
 *
 * @param status the HTTP status of the explanation page
 * @param messageKey what happened, in the user's words
 * @param errorCode the OAuth error code, shown as is; may be null
 * @param errorDescription Livestorm's {@code error_description}, shown escaped; may be null
 * @param canRetry whether the page offers to start again (never automatic)
 */
public record CallbackOutcome(
    boolean connected,
    int status,
    String messageKey,
    String errorCode,
    String errorDescription,
    boolean canRetry) {

  static CallbackOutcome connectedNow() {
    return new CallbackOutcome(true, 303, null, null, null, false);
  }

  static CallbackOutcome problem(int status, String messageKey) {
    return new CallbackOutcome(false, status, messageKey, null, null, true);
  }

  static CallbackOutcome problem(
      int status, String messageKey, String errorCode, String description) {
    return new CallbackOutcome(false, status, messageKey, errorCode, description, true);
  }
}
