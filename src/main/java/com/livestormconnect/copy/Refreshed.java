package com.livestormconnect.copy;

import java.time.Instant;

/**
 * What a refresh of one list did: rows read from Livestorm, rows the copy no longer holds because
 * Livestorm no longer lists them, and the list's new "as of".
 */
public record Refreshed(long read, int removed, Instant asOf) {}
