package com.livestormconnect.partner;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How forwarding to the partner is doing, across every node (read from the queue table): messages
 * waiting, the age of the oldest one, messages kept as failed, and the last delivery (delivered
 * messages are kept a week, so an older one is no longer known).
 */
public record PartnerHealth(
    boolean enabled,
    long pending,
    Optional<Duration> oldestPendingAge,
    long failed,
    Optional<Instant> lastSuccess) {}
