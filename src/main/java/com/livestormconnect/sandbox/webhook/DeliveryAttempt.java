package com.livestormconnect.sandbox.webhook;

/**
 * What one attempt came to, as the controls show it. {@code outcome}: {@code delivered} (2xx),
 * {@code failed} (another answer, or none: {@code status} 0 and the {@code error}), {@code dropped}
 * (a fault: never sent), {@code refused} (a URL the sandbox does not post to), {@code skipped} (the
 * subscription was disabled or deleted before its turn). {@code at} and {@code retryAt} are sandbox
 * clock seconds; {@code retryAt} is null when no retry follows, and {@code disabled} says the
 * failure disabled the subscription.
 */
public record DeliveryAttempt(
    String deliveryId,
    String subscriptionId,
    String event,
    String url,
    int attempt,
    long at,
    String outcome,
    int status,
    String error,
    Long retryAt,
    boolean disabled) {}
