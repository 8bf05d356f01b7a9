package com.livestormconnect.partner;

import com.livestormconnect.config.PartnerSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;

/**
 * Replaces the configured partner settings in PartnerForwardingIT's deployment only: forwarding on,
 * to the {@link PartnerStub} the test started (its URL is written into the deployment as {@value
 * #RESOURCE}), with a fixed test secret.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class PartnerAtStub {
  static final String RESOURCE = "partner-stub.properties";

  /** The Standard Webhooks specification's example secret: a public test value. */
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Produces
  PartnerSettings partner() {
    Properties stub = new Properties();
    try (InputStream in = PartnerAtStub.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      stub.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PartnerSettings(
        Optional.of(URI.create(stub.getProperty("url"))), Optional.of(SECRET));
  }
}
