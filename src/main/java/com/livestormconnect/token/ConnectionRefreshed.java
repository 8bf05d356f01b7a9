package com.livestormconnect.token;

/**
 * A connection's access token was refreshed by this node: fired by {@link TokenRefresh} once the
 * rotation has committed, so that whoever counts refreshes (the call budget) learns of it without
 * this package knowing them. It is fired after the rotation's own transaction ended: observe it
 * plainly, not after a surrounding transaction (whose rollback would not undo the refresh).
 */
public record ConnectionRefreshed(long accountId, String connectionId) {}
