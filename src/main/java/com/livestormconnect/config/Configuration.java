package com.livestormconnect.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one place settings are read; everything else injects {@link Settings} or a part of it. */
@ApplicationScoped
public class Configuration {
  private Settings settings;

  @PostConstruct
  void load() {
    settings = Settings.fromEnvironment();
  }

  @Produces
  Settings settings() {
    return settings;
  }

  @Produces
  LivestormSettings livestorm() {
    return settings.livestorm();
  }
}
