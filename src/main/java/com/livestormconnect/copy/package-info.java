/**
 * The local copy of each connected account's Livestorm data (organization, events, sessions, people
 * per session), kept right by an incremental sync within a share of the monthly quota and by
 * webhooks, and read by pages and by a partner's own code.
 */
package com.livestormconnect.copy;
