package com.livestormconnect.webhook;

import com.livestormconnect.copy.Applied;
import com.livestormconnect.copy.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.StringReader;
import java.time.Clock;

/**
 * Applies one inbox row to the local copy and marks it applied, in one transaction: a row is either
 * applied and marked, or neither, and the copy announces the change once that transaction has
 * committed. A signed row's body is applied as it is (no API call; the copy keeps the newest by
 * {@code updated_at}, and re-reads the list when a delivery ties with the row held); an unsigned
 * one is only a hint, whose scope the copy re-reads, batched.
 */
@ApplicationScoped
public class InboxApplier {
  @Inject Inbox inbox;

  @Inject Changes changes;

  @Inject CopyHints hints;

  @Inject Clock clock;

  @Transactional(TxType.REQUIRES_NEW)
  public void apply(Inbox.Pending row, String node) {
    String outcome;
    if (row.signed() && row.body() != null && CopyHints.kept(row.type())) {
      JsonObject data;
      try (JsonReader reader = Json.createReader(new StringReader(row.body()))) {
        data = reader.readObject();
      }
      Applied applied = changes.applyDelivered(row.accountId(), row.type(), data);
      outcome = applied.name().toLowerCase(java.util.Locale.ROOT);
      if (applied == Applied.TIED && hints.hint(row)) {
        // Deliveries come in any order, and this one cannot be ordered against the row held:
        // the list's re-read tells which version is current.
        outcome = "tied, marked stale";
      }
    } else {
      outcome = hints.hint(row) ? "marked stale" : "ignored";
    }
    inbox.done(row.id(), node, outcome, clock.instant());
  }
}
