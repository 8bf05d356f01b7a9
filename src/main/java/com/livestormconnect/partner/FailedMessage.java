package com.livestormconnect.partner;

import java.time.Instant;
import java.util.Optional;

/** A message kept as failed, as the admin page lists it (never its body). */
public record FailedMessage(
    String id,
    long accountId,
    String eventType,
    Instant createdAt,
    int attempts,
    Optional<Instant> lastAttemptAt,
    String lastOutcome) {}
