package com.livestormconnect.webhook;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the webhooks tell the local copy without a body to apply: a scope to re-read soon (an
 * unsigned delivery, a subscription that was missing for a while).
 */
@ApplicationScoped
public class CopyHints {
  /** A subscription for {@code event} was missing: what it would have delivered may be missed. */
  public void gap(long accountId, String event) {}
}
