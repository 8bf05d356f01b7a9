package com.livestormconnect.copy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces the copy's changes to whoever observes {@link CopyChanged}, each once and only after
 * the transaction that wrote it has committed: a rolled-back write announces nothing. An observer
 * that fails is logged and does not keep the others from hearing of the change.
 */
@ApplicationScoped
class ChangeNotices {
  private static final Logger LOG = Logger.getLogger(ChangeNotices.class.getName());

  @Inject Event<CopyChanged> changed;

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PendingChange pending) {
    try {
      changed.fire(pending.change());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "An observer of the copy's changes failed on " + pending.change().kind(),
          e);
    }
  }
}
