package com.livestormconnect.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** What every format writes of a record: its parts, each masked by {@link Redaction}. */
record LogLine(
    Instant time, String level, String logger, String thread, String message, String exception) {

  static LogLine of(LogRecord record, Formatter formatter) {
    String message;
    try {
      message = formatter.formatMessage(record);
    } catch (RuntimeException e) {
      message = String.valueOf(record.getMessage());
    }
    return new LogLine(
        record.getInstant(),
        record.getLevel().getName(),
        record.getLoggerName() == null ? "" : record.getLoggerName(),
        Thread.currentThread().getName(),
        Redaction.apply(message),
        record.getThrown() == null ? null : Redaction.apply(stackTrace(record.getThrown())));
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString().stripTrailing();
  }
}
