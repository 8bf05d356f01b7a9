package com.livestormconnect.dashboard.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertEquals("\"'\tcmd\"", Csv.cell("\tcmd"));
    assertEquals("\"'\rcmd\"", Csv.cell("\rcmd"));
    assertEquals("'=1+2", Csv.cell("=1+2"));
  }

  @Test
  void quotesANeutralisedCellWhenItAlsoNeedsQuotes() {
    assertEquals(
        "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"",
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

  @Test
  void quotesEveryCellThatHoldsASeparatorSoThatNoFormulaStartsACellOfItsOwn() {
    assertEquals("\"x;=1+1;\"", Csv.cell("x;=1+1;"));
    assertEquals("\"a\tb\"", Csv.cell("a\tb"));
    assertEquals("\"a\rb\"", Csv.cell("a\rb"));
    assertEquals("\"a\nb\"", Csv.cell("a\nb"));
    assertEquals("\"a,b\"", Csv.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
    assertEquals("'@SUM(1)", Csv.cell("@SUM(1)"));
    assertEquals(
        "\"'=HYPERLINK(\"\"https://evil.example\"\";\"\"x\"\")\"",
        Csv.cell("=HYPERLINK(\"https://evil.example\";\"x\")"));
    assertEquals("\"'\t=1+1;\"", Csv.cell("\t=1+1;"));
  }

  @Test
  void everyCellOfARowWithHostileStringsReadsBackAsOneCellOnAnySeparator() throws Exception {
    StringWriter out = new StringWriter();
    new Csv(out).row(List.of("x;=1+1;", "a\tb", "Zoë Ødegård 测试 😀", "=1;2"));
    String row = out.toString();
    assertEquals("\"x;=1+1;\",\"a\tb\",Zoë Ødegård 测试 😀,\"'=1;2\"\r\n", row);
    // Outside quotes, no ';' or tab is left for a spreadsheet to split on.
    String unquoted = row.replaceAll("\"(?:[^\"]|\"\")*\"", "");
    assertFalse(unquoted.contains(";") || unquoted.contains("\t"), unquoted);
  }

  @Test
  void aPeopleCsvStartsWithTheByteOrderMarkInUtf8() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      new PeopleCsv(out).header();
    }
    byte[] written = bytes.toByteArray();
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(written, 3));
    assertEquals("id,email", new String(written, 3, 8, StandardCharsets.UTF_8));
  }

  @Test
  void theContentTypePutsTheCharsetLastSoThatEveryServerReadsIt() {
    assertTrue(Csv.CONTENT_TYPE.startsWith("text/csv"));
    assertTrue(Csv.CONTENT_TYPE.endsWith("charset=UTF-8"), Csv.CONTENT_TYPE);
    assertEquals("UTF-8", Csv.CONTENT_TYPE.substring(Csv.CONTENT_TYPE.indexOf("charset=") + 8));
  }
}
