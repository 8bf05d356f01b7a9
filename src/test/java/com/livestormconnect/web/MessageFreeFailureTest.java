package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class MessageFreeFailureTest {
  @Test
  void theLoggedFailureKeepsClassesAndFramesButNoMessage() {
    IllegalStateException failure =
        new IllegalStateException(
            "bad form field password=hunter2",
            new UncheckedIOException(
                "token AT-secret-123 in URL", new java.io.IOException("Bearer xyz-token")));
    LogRecord record = new LogRecord(Level.SEVERE, "Unhandled");
    record.setThrown(MessageFreeFailure.of(failure));
    String logged = new SimpleFormatter().format(record);

    for (String secret : new String[] {"hunter2", "AT-secret-123", "xyz-token"}) {
      assertFalse(logged.contains(secret), logged);
    }
    assertTrue(logged.contains("java.lang.IllegalStateException"), logged);
    assertTrue(logged.contains("Caused by: java.io.UncheckedIOException"), logged);
    assertTrue(logged.contains("Caused by: java.io.IOException"), logged);
    assertTrue(
        logged.contains(
            "at com.livestormconnect.web.MessageFreeFailureTest"
                + ".theLoggedFailureKeepsClassesAndFramesButNoMessage"),
        logged);
  }

  @Test
  void aCyclicOrEndlessCauseChainIsCut() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    StringWriter out = new StringWriter();
    MessageFreeFailure.of(a).printStackTrace(new PrintWriter(out));
    assertEquals(11, out.toString().split("java.lang.Exception", -1).length - 1, out.toString());
  }
}
