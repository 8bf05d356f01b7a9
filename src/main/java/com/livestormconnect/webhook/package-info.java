/**
 * Livestorm's webhooks in the app: the receiver ({@code /webhooks/livestorm/{token}}), which checks
 * the signature and commits each delivery to an inbox before acknowledging it; the inbox, processed
 * after the answer on managed threads and applied to the local copy once per change; and the app's
 * own subscriptions, created when a connection may write webhooks, checked hourly and deleted on
 * disconnection. It knows the copy, Livestorm's client and the tokens, and nothing of the pages.
 */
package com.livestormconnect.webhook;
