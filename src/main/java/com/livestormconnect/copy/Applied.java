package com.livestormconnect.copy;

/** What {@link Changes#apply} did with a resource. */
public enum Applied {
  /** A row the copy did not hold: added, announced. */
  CREATED,
  /** A newer or different version of a row held: replaced, announced. */
  UPDATED,
  /** The same version as held: nothing changed, nothing announced. */
  UNCHANGED,
  /** Older than the row held (by {@code updated_at}): ignored. */
  OLDER,
  /**
   * Out of order ({@link Changes#applyDelivered}) and different from the row held with the same
   * {@code updated_at}: not applied, for the caller to have its list re-read.
   */
  TIED,
  /** Not a resource the copy can keep (wrong type, no id, too long, no session): ignored. */
  REFUSED,
  /** The account has no connection: nothing is kept. */
  NOT_CONNECTED
}
