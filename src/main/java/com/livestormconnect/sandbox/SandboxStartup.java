package com.livestormconnect.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.logging.Logger;

/**
 * Says at start, loudly, why the sandbox stays off when one of its own settings is wrong: the
 * sandbox reads them itself (it imports nothing from the app's {@code config.Settings}), and a bad
 * value must not quietly become the default.
 */
@ApplicationScoped
public class SandboxStartup {
  private static final Logger LOG = Logger.getLogger(SandboxStartup.class.getName());

  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    List<String> problems = SandboxSettings.problems();
    if (!problems.isEmpty()) {
      LOG.severe(
          () ->
              "The sandbox stays off (every /sandbox path answers 404): "
                  + String.join("; ", problems));
    }
  }
}
