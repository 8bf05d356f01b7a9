package com.livestormconnect.copy;

import java.time.Instant;

/**
 * Something read from the copy, with its "as of": every change Livestorm made before then is in it
 * (null when the list it belongs to has not been read in full yet, e.g. a row a webhook brought).
 */
public record Copied<T>(T value, Instant asOf) {}
