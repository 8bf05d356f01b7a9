/**
 * The sandbox's outgoing webhooks, as Livestorm sends them: each change of the workspace is posted
 * to the subscriptions for its event, in Livestorm's shape, signed, retried on Livestorm's schedule
 * on the sandbox clock and the subscription disabled when the retries run out. Posts go only to the
 * app's own origin or a loopback address, so the sandbox cannot be made to post anywhere else.
 * Controls under {@code /sandbox/control/webhooks/} show what was delivered and inject faults.
 */
package com.livestormconnect.sandbox.webhook;
