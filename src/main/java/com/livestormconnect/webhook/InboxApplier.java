package com.livestormconnect.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;

/**
 * Applies one inbox row to the local copy and marks it applied, in one transaction: a row is either
 * applied and marked, or neither.
 */
@ApplicationScoped
public class InboxApplier {
  @Inject Inbox inbox;

  @Inject Clock clock;

  @Transactional(TxType.REQUIRES_NEW)
  public void apply(Inbox.Pending row, String node) {
    inbox.done(row.id(), node, "kept", clock.instant());
  }
}
