package com.livestormconnect.logging;

import com.livestormconnect.config.OperationsSettings.LogFormat;
import com.livestormconnect.config.Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Puts the {@code LOG_FORMAT} formatter on the handlers of the root {@code java.util.logging}
 * logger at deployment (before the migrations log), so that the server's own lines and the app's
 * come out alike; puts the server's formatters back when the app stops, so that no class of the app
 * outlives it. Every Jakarta EE server routes JUL, but not every one exposes its console handler on
 * the root logger: see docs/deployment.md for each server.
 */
@ApplicationScoped
public class LogSetup {
  private static final Logger LOG = Logger.getLogger(LogSetup.class.getName());

  @Inject Settings settings;

  private final Map<Handler, Formatter> replaced = new IdentityHashMap<>();

  void start(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1)
          @Initialized(ApplicationScoped.class)
          Object event) {
    install(settings.operations().logFormat());
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    restore();
  }

  /** Installs the format's formatter on every root handler; {@code SERVER} leaves them alone. */
  public synchronized void install(LogFormat format) {
    if (format == LogFormat.SERVER) {
      return;
    }
    Formatter formatter =
        format == LogFormat.JSON ? new JsonLogFormatter() : new LineLogFormatter();
    Handler[] handlers = Logger.getLogger("").getHandlers();
    for (Handler handler : handlers) {
      replaced.putIfAbsent(handler, handler.getFormatter());
      handler.setFormatter(formatter);
    }
    LOG.info(
        () ->
            "Log format "
                + format.name().toLowerCase(Locale.ROOT)
                + " on "
                + handlers.length
                + " root handler(s)");
  }

  /** Gives the root handlers back the formatters they had. */
  public synchronized void restore() {
    // A handler that had no formatter keeps the app's: JUL refuses a null one.
    replaced.forEach(
        (handler, formatter) -> {
          if (formatter != null) {
            handler.setFormatter(formatter);
          }
        });
    replaced.clear();
  }
}
