package com.livestormconnect.dashboard.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 defines it (comma separated, CRLF line ends, quoted fields with their
 * quotes doubled), with additions for spreadsheets: a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is prefixed with {@code '} so that Excel,
 * LibreOffice and Google Sheets show it as text instead of running it as a formula (OWASP "CSV
 * Injection"); and a cell holding any separator a spreadsheet may split on (comma, semicolon as
 * French and German locales do, tab) or a quote, CR or LF is quoted, so that text after a
 * separator, such as {@code x;=1+1}, never becomes a cell of its own that starts with a formula.
 * The writer's charset is the caller's; we always use UTF-8, announced by {@link #BOM}.
 */
public final class Csv {
  /** Written first: without it, Excel reads a UTF-8 CSV as the locale's legacy code page. */
  public static final char BOM = '\uFEFF';

  /**
   * The content type to serve CSV with: the charset last (Open Liberty reads all after charset=).
   */
  public static final String CONTENT_TYPE = "text/csv;header=present;charset=UTF-8";

  private final Writer out;

  public Csv(Writer out) {
    this.out = out;
  }

  /** The byte-order mark; call once, before the first row. */
  public void bom() throws IOException {
    out.write(BOM);
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
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == ';' || c == '\t' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
