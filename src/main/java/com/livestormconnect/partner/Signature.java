package com.livestormconnect.partner;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.time.Instant;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: {@code v1,} and the
 * base64 HMAC-SHA256, keyed with the secret's bytes, of {@code id.timestamp.body}. Computed by the
 * specification's own Java library rather than by hand, so that what we send is what its verifier
 * (which partners are told to use) accepts.
 */
final class Signature {
  private final Webhook webhook;

  /** {@code secret} is {@code whsec_} and base64, already checked by the settings. */
  Signature(String secret) {
    try {
      this.webhook = new Webhook(secret);
    } catch (EmptyWebhookSecretException e) {
      throw new IllegalArgumentException("the partner webhook secret is empty", e);
    }
  }

  String sign(String messageId, Instant timestamp, String body) {
    try {
      return webhook.sign(messageId, timestamp.getEpochSecond(), body);
    } catch (WebhookSigningException e) {
      throw new IllegalStateException("cannot sign with HMAC-SHA256", e);
    }
  }
}
