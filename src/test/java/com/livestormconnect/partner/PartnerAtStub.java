package com.livestormconnect.partner;

import com.livestormconnect.config.PartnerSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.util.Optional;

/**
 * Replaces the configured partner settings in PartnerForwardingIT's deployment only: forwarding on,
 * to {@link PartnerStub} (whose port is known only once it runs), with a fixed test secret.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class PartnerAtStub {
  /** Any 24 to 64 bytes; public on purpose, a test value used nowhere else. */
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Produces
  PartnerSettings partner() {
    return new PartnerSettings(
        Optional.of(URI.create("http://127.0.0.1:" + PartnerStub.port() + "/hooks")),
        Optional.of(SECRET));
  }
}
