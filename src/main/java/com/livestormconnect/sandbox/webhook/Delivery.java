package com.livestormconnect.sandbox.webhook;

import java.time.Instant;

/**
 * One post of one change to one subscription, and its attempt number (1, then each retry). The
 * body's bytes are fixed when the change happens and sent as they are on every attempt; only the
 * signature's timestamp changes.
 */
record Delivery(
    String id,
    String subscriptionId,
    String url,
    String event,
    byte[] body,
    int attempt,
    Instant dueAt) {

  Delivery retry(Instant at) {
    return new Delivery(id, subscriptionId, url, event, body, attempt + 1, at);
  }
}
