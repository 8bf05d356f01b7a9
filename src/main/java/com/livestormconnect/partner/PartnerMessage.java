package com.livestormconnect.partner;

import java.time.Instant;

/**
 * One change on its way to the partner: the Standard Webhooks message id (the same on every
 * attempt), the exact body, how many attempts were made and until when it is retried.
 */
record PartnerMessage(
    String id,
    long accountId,
    String eventType,
    String payload,
    int attempts,
    Instant createdAt,
    Instant retryUntil) {}
