package com.livestormconnect.partner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The partner's service over HTTP: one POST per attempt with the message's body and the three
 * Standard Webhooks headers, signed at the moment of sending (so {@code webhook-timestamp} is fresh
 * on a retry while {@code webhook-id} stays the same). Redirects are not followed: a redirect is
 * refused like any other answer outside 2xx, since following it would send the signed body to an
 * address nobody configured.
 */
final class PartnerEndpoint {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

  private final URI url;
  private final Signature signature;
  private final Clock clock;
  private final HttpClient client;

  PartnerEndpoint(URI url, Signature signature, Clock clock) {
    this.url = url;
    this.signature = signature;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            // HTTP/1.1 always: over plain http (a service on this machine) the JDK would otherwise
            // offer an h2c upgrade with every POST, which some servers mishandle.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  Attempt post(PartnerMessage message) {
    Instant now = clock.instant();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(ANSWER_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Livestorm-Connect")
            .header("webhook-id", message.id())
            .header("webhook-timestamp", Long.toString(now.getEpochSecond()))
            .header("webhook-signature", signature.sign(message.id(), now, message.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(message.payload(), StandardCharsets.UTF_8))
            .build();
    try {
      // The body is read and thrown away: only the status and Retry-After matter.
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return Attempt.answered(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          clock.instant());
    } catch (IOException e) {
      return Attempt.unanswered(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.unanswered(e);
    }
  }
}
