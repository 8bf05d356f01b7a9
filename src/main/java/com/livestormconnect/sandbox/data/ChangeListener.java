package com.livestormconnect.sandbox.data;

/**
 * Told of every change to the sandbox's data, API writes and test controls alike (see {@link
 * SandboxStore#listen}). Called on the thread that made the change, after the store's lock is
 * released (so a listener may read the store, and sees the change), once per {@link Change} in the
 * order the mutation made them. Changes made concurrently by two threads may reach a listener in
 * either order, as Livestorm promises no order for its webhooks either. A listener must return
 * quickly (queue any delivery); what it throws is logged and does not undo the change.
 */
@FunctionalInterface
public interface ChangeListener {
  void changed(Change change);
}
