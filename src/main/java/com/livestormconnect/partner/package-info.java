/**
 * Forwarding each change of the local copy ({@code copy.CopyChanged}) to the partner's own service,
 * signed as the Standard Webhooks specification says: stored first in an outbound queue table, sent
 * by one node at a time, retried with backoff for 24 hours, then kept as failed for an
 * administrator to replay. Off unless {@code PARTNER_WEBHOOK_URL} is set.
 */
package com.livestormconnect.partner;
