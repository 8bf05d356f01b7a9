package com.livestormconnect.dashboard;

import com.livestormconnect.copy.Applied;
import com.livestormconnect.copy.Changes;
import com.livestormconnect.copy.CopyChanged;
import com.livestormconnect.copy.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the app itself writes to Livestorm, put in the local copy from Livestorm's answer at once,
 * so that the next page (read from the copy) shows it. Livestorm has done the write by then: a copy
 * that cannot take the answer must not turn it into an error, so the list is marked for the sync to
 * re-read instead.
 */
@ApplicationScoped
class CopyWrites {
  private static final Logger LOG = Logger.getLogger(CopyWrites.class.getName());

  @Inject Changes changes;

  /**
   * Applies a resource Livestorm answered a write with ({@code events}, {@code people}); {@code
   * list} is the list it belongs to, re-read later if the copy could not take it. Answers {@code
   * value}, the same resource as a record, for the caller to go on with.
   */
  <T> T written(long accountId, String type, JsonObject resource, Scope list, T value) {
    try {
      Applied applied = changes.apply(accountId, type, resource);
      if (applied == Applied.REFUSED) {
        changes.markStale(accountId, list);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The copy could not take a write of account " + accountId, e);
      stale(accountId, list);
    }
    return value;
  }

  /** Forgets an event Livestorm deleted at our request, with its sessions and people. */
  void deleted(long accountId, String eventId) {
    try {
      changes.forget(accountId, CopyChanged.Kind.EVENT, eventId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The copy could not forget event " + eventId, e);
      stale(accountId, Scope.events());
    }
  }

  /** Marks a list the app changed in a way Livestorm's answer does not show (counts). */
  void stale(long accountId, Scope list) {
    try {
      changes.markStale(accountId, list);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The copy could not mark a list of account " + accountId, e);
    }
  }
}
