package com.livestormconnect.web;

/**
 * A failure as it may be logged: each exception's class and stack frames, causes included, but no
 * message, since messages can quote request data (a form field, a header, a token in a URL).
 */
final class MessageFreeFailure extends Throwable {
  private static final long serialVersionUID = 1L;

  /** Causes followed at most this deep, so a cyclic or absurd chain stays short. */
  private static final int MAX_CAUSES = 10;

  private MessageFreeFailure(Throwable original, int depth) {
    super(
        original.getClass().getName(),
        original.getCause() == null || depth >= MAX_CAUSES
            ? null
            : new MessageFreeFailure(original.getCause(), depth + 1),
        false,
        true);
    setStackTrace(original.getStackTrace());
  }

  static Throwable of(Throwable original) {
    return new MessageFreeFailure(original, 0);
  }

  /** The original class's name alone, where a stack trace prints "class: message". */
  @Override
  public String toString() {
    return getMessage();
  }
}
