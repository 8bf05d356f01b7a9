package com.livestormconnect.logging;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line of text per record ({@code LOG_FORMAT=text}): {@code 2026-03-01T10:00:00.123Z INFO
 * [logger] (thread) message | exception}. Line breaks inside the message or the stack trace are
 * written as {@code \n}, so a record is always exactly one line.
 */
public class LineLogFormatter extends Formatter {
  @Override
  public String format(LogRecord record) {
    LogLine line = LogLine.of(record, this);
    StringBuilder out =
        new StringBuilder(200)
            .append(line.time())
            .append(' ')
            .append(line.level())
            .append(" [")
            .append(line.logger())
            .append("] (")
            .append(oneLine(line.thread()))
            .append(") ")
            .append(oneLine(line.message()));
    if (line.exception() != null) {
      out.append(" | ").append(oneLine(line.exception()));
    }
    return out.append('\n').toString();
  }

  private static String oneLine(String text) {
    return text.replace("\\", "\\\\")
        .replace("\r", "\\r")
        .replace("\n", "\\n")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }
}
