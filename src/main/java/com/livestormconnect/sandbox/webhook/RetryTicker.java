package com.livestormconnect.sandbox.webhook;

import com.livestormconnect.sandbox.SandboxSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due retries every few seconds, so that a client developer sees them come without a control;
 * the retries are due on the sandbox clock, which tests move instead of waiting. Started at
 * deployment (not from a request, whose invocation context a task must not share).
 */
@ApplicationScoped
public class RetryTicker {
  private static final Logger LOG = Logger.getLogger(RetryTicker.class.getName());
  static final long PERIOD_SECONDS = 5;

  @Inject Outbox outbox;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> ticking;

  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    ticking =
        scheduler.scheduleWithFixedDelay(
            this::tick, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  private void tick() {
    try {
      if (SandboxSettings.current().enabled()) {
        outbox.runDueRetries();
      }
    } catch (RuntimeException e) {
      // Logged, never thrown: a scheduled task that throws is never run again.
      LOG.log(Level.WARNING, "Sending due webhook retries failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (ticking != null) {
      ticking.cancel(false);
    }
  }
}
