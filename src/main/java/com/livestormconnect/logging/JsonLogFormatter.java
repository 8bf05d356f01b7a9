package com.livestormconnect.logging;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line ({@code LOG_FORMAT=json}): {@code time}, {@code level}, {@code logger},
 * {@code thread}, {@code message} and, with an exception, {@code exception} (the stack trace as one
 * string). Line breaks inside values are escaped, so a record is always exactly one line.
 */
public class JsonLogFormatter extends Formatter {
  @Override
  public String format(LogRecord record) {
    LogLine line = LogLine.of(record, this);
    StringBuilder out = new StringBuilder(256);
    out.append("{\"time\":");
    string(out, line.time().toString());
    out.append(",\"level\":");
    string(out, line.level());
    out.append(",\"logger\":");
    string(out, line.logger());
    out.append(",\"thread\":");
    string(out, line.thread());
    out.append(",\"message\":");
    string(out, line.message());
    if (line.exception() != null) {
      out.append(",\"exception\":");
      string(out, line.exception());
    }
    return out.append("}\n").toString();
  }

  /**
   * A JSON string (RFC 8259 §7), with U+2028/U+2029 escaped too so that no reader splits the line.
   */
  static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
