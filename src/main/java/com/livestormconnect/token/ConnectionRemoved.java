package com.livestormconnect.token;

/**
 * A connection was deleted (disconnected): fired by {@link TokenStore#delete}, so that whoever
 * keeps per-connection state in memory (the API client's permits, quotas and counters) can forget
 * it without this package knowing them. Observe it with {@code during =
 * TransactionPhase.AFTER_SUCCESS}: a deletion that rolls back removed nothing.
 */
public record ConnectionRemoved(long accountId, String connectionId) {}
