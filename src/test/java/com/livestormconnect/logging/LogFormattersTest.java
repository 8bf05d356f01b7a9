package com.livestormconnect.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogFormattersTest {
  private static LogRecord record(String message, Object... parameters) {
    LogRecord record = new LogRecord(Level.WARNING, message);
    record.setLoggerName("com.livestormconnect.test");
    record.setParameters(parameters);
    return record;
  }

  private static JsonObject json(String line) {
    return Json.createReader(new StringReader(line)).readObject();
  }

  @Test
  void jsonIsOneObjectPerLineWhateverTheMessageHolds() {
    LogRecord record = record("line one\nline \"two\"\t{0}\u2028end", "\\param\r");
    record.setThrown(new IllegalStateException("boom\nsecond line"));
    String line = new JsonLogFormatter().format(record);

    assertTrue(line.endsWith("}\n"), line);
    assertEquals(1, line.split("\n", -1).length - 1, line);
    assertFalse(line.contains("\u2028"), line);
    JsonObject object = json(line);
    assertEquals("WARNING", object.getString("level"));
    assertEquals("com.livestormconnect.test", object.getString("logger"));
    assertEquals("line one\nline \"two\"\t\\param\r\u2028end", object.getString("message"));
    assertTrue(
        object
            .getString("exception")
            .startsWith("java.lang.IllegalStateException: boom\nsecond line\n\tat "),
        object.getString("exception"));
    assertTrue(object.getString("time").endsWith("Z"), object.getString("time"));
  }

  @Test
  void textIsOneLinePerRecordWithTheStackTraceOnIt() {
    LogRecord record = record("first\nsecond {0}", "third");
    record.setThrown(new RuntimeException("why"));
    String line = new LineLogFormatter().format(record);

    assertEquals(1, line.split("\n", -1).length - 1, line);
    assertTrue(
        line.matches(
            "\\S+Z WARNING \\[com\\.livestormconnect\\.test\\] \\(.*\\) first\\\\nsecond third"
                + " \\| java\\.lang\\.RuntimeException: why\\\\n\tat .*\n"),
        line);
  }

  @Test
  void tokensSecretsCodesPasswordsAndEmailsAreMaskedInBothFormats() {
    String[] leaks = {
      "GET /connect/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj",
      "grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA&client_secret=s3cr3t-value",
      "{\"access_token\":\"2YotnFZFEjr1zCsicMWpAA\",\"token_type\":\"Bearer\"}",
      "Authorization: Bearer mF_9.B5f-4.1JqM and Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW",
      "password: hunter2-hunter2",
      "registered ada.lovelace@example.com to the session",
    };
    String[] secrets = {
      "SplxlOBeZQQYbYS6WxSbIA",
      "af0ifjsldkj",
      "tGzv3JOkF0XG5Qx2TlKWIA",
      "s3cr3t-value",
      "2YotnFZFEjr1zCsicMWpAA",
      "mF_9.B5f-4.1JqM",
      "czZCaGRSa3F0MzpnWDFmQmF0M2JW",
      "hunter2-hunter2",
      "ada.lovelace@example.com"
    };
    for (String leak : leaks) {
      for (String line :
          new String[] {
            new JsonLogFormatter().format(record(leak)), new LineLogFormatter().format(record(leak))
          }) {
        for (String secret : secrets) {
          assertFalse(line.contains(secret), line);
        }
        assertTrue(line.contains(Redaction.MASK), line);
      }
    }
  }

  @Test
  void ordinaryMessagesAreLeftAlone() {
    String message =
        "Database schema at version 12 (0 migrations applied now); HTTP status code: 503";
    assertEquals(message, Redaction.apply(message));
    assertEquals(
        "LIVESTORM_CLIENT_AUTH=client_secret_basic",
        Redaction.apply("LIVESTORM_CLIENT_AUTH=client_secret_basic"));
  }
}
