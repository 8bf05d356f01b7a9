package com.livestormconnect.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/** The one place settings are read; everything else injects {@link Settings} or a part of it. */
@ApplicationScoped
public class Configuration {
  private static final Logger LOG = Logger.getLogger(Configuration.class.getName());
  private Settings settings;

  @PostConstruct
  void load() {
    try {
      settings = Settings.fromEnvironment();
    } catch (ConfigurationException e) {
      // Say it loudly: Payara Micro still prints "ready" after a failed deployment.
      LOG.severe("Livestorm Connect cannot start. " + e.getMessage());
      throw e;
    }
  }

  /** Reads the settings at deployment, so that a bad value fails the deployment, not a request. */
  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LOG.info(
        () ->
            "Livestorm Connect settings: mode "
                + settings.mode()
                + ", "
                + settings.livestorm()
                + ", "
                + settings.database());
  }

  @Produces
  Settings settings() {
    return settings;
  }

  @Produces
  LivestormSettings livestorm() {
    return settings.livestorm();
  }

  @Produces
  BudgetSettings budget() {
    return settings.budget();
  }

  @Produces
  SyncSettings sync() {
    return settings.sync();
  }
}
