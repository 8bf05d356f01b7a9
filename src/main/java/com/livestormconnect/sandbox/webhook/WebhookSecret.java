package com.livestormconnect.sandbox.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workspace's webhook signing secret, shown on the consent page and through the controls. By
 * default it is the one the app is configured to check ({@code LIVESTORM_WEBHOOK_SECRET} or the
 * file named by {@code LIVESTORM_WEBHOOK_SECRET_FILE}), as if the operator had copied Livestorm's
 * secret into the app, so that signed deliveries verify out of the box; without either it is a
 * fixed, public sandbox value. A control can replace it at run time (a test of a wrong secret).
 */
@ApplicationScoped
public class WebhookSecret {
  /** Public on purpose, like the sandbox's client secret: never a production value. */
  public static final String DEFAULT = "sandbox-webhook-secret-not-for-production";

  private volatile String replaced;

  public String current() {
    String chosen = replaced;
    if (chosen != null) {
      return chosen;
    }
    String configured = lookup("LIVESTORM_WEBHOOK_SECRET");
    if (configured != null) {
      return configured;
    }
    String file = lookup("LIVESTORM_WEBHOOK_SECRET_FILE");
    if (file != null) {
      try {
        String content = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        if (!content.isEmpty()) {
          return content;
        }
      } catch (IOException | RuntimeException e) {
        // The app says loudly what is wrong with its own setting; the sandbox signs with its own.
      }
    }
    return DEFAULT;
  }

  /** Replaces the secret until {@link #restore()}. */
  void replace(String secret) {
    replaced = secret;
  }

  void restore() {
    replaced = null;
  }

  private static String lookup(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }
}
