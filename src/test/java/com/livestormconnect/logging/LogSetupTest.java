package com.livestormconnect.logging;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.config.OperationsSettings.LogFormat;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class LogSetupTest {
  @Test
  void installsTheFormatOnEveryRootHandlerAndGivesTheServersBack() {
    Logger root = Logger.getLogger("");
    Handler handler = new ConsoleHandler();
    Formatter server = new SimpleFormatter();
    handler.setFormatter(server);
    root.addHandler(handler);
    try {
      LogSetup setup = new LogSetup();
      setup.install(LogFormat.SERVER);
      assertSame(server, handler.getFormatter());
      setup.install(LogFormat.JSON);
      assertTrue(handler.getFormatter() instanceof JsonLogFormatter);
      setup.install(LogFormat.TEXT);
      assertTrue(handler.getFormatter() instanceof LineLogFormatter);
      setup.restore();
      assertSame(server, handler.getFormatter());
    } finally {
      root.removeHandler(handler);
    }
  }
}
