package com.livestormconnect.copy;

/**
 * A change written in the current transaction and not yet announced: {@link ChangeNotices} fires
 * its {@link CopyChanged} once the transaction has committed.
 */
record PendingChange(CopyChanged change) {}
