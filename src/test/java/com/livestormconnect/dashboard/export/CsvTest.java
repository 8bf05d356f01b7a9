package com.livestormconnect.dashboard.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesFieldsWithCommasQuotesAndLineBreaksAndEndsRowsWithCrlf() throws Exception {
    StringWriter out = new StringWriter();
    new Csv(out).row(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, ""));
    assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n", out.toString());
  }

  @Test
  void neutralisesCellsThatSpreadsheetsWouldRunAsFormulas() {
    assertEquals("'=SUM(A1)", Csv.cell("=SUM(A1)"));
    assertEquals("'+33 6 00 00 00 00", Csv.cell("+33 6 00 00 00 00"));
    assertEquals("'-2+3", Csv.cell("-2+3"));
    assertEquals("'@SUM(A1:A9)", Csv.cell("@SUM(A1:A9)"));
    assertEquals("'\tcmd", Csv.cell("\tcmd"));
    assertEquals("\"'\rcmd\"", Csv.cell("\rcmd"));
    assertEquals("'=1+2", Csv.cell("=1+2"));
  }

  @Test
  void quotesANeutralisedCellWhenItAlsoNeedsQuotes() {
    assertEquals("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"",
        Csv.cell("=HYPERLINK(\"https://evil.example\",\"x\")"));
  }

  @Test
  void leavesOrdinaryTextAloneIncludingInnerFormulaCharacters() {
    assertEquals("Zoë 🎉", Csv.cell("Zoë 🎉"));
    assertEquals("a=b", Csv.cell("a=b"));
  }

  @Test
  void writesUtf8() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      new Csv(out).row(List.of("محمد", "🚀"));
    }
    assertArrayEquals("محمد,🚀\r\n".getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
  }
}
