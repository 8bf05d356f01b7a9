package com.livestormconnect.dashboard.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 defines it (comma separated, CRLF line ends, fields with a comma, quote,
 * CR or LF quoted and their quotes doubled), with one addition for spreadsheets: a cell starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with
 * {@code '} so that Excel, LibreOffice and Google Sheets show it as text instead of running it as a
 * formula (OWASP "CSV Injection"). The writer's charset is the caller's; we always use UTF-8.
 */
public final class Csv {
  private final Writer out;

  public Csv(Writer out) {
    this.out = out;
  }

  public void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  /** One field, neutralised and quoted as needed; null is an empty field. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = startsLikeFormula(value) ? "'" + value : value;
    if (needsQuotes(safe)) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }

  static boolean startsLikeFormula(String value) {
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
