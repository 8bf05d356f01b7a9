/**
 * Pages the partner's users work with every day: events, sessions and their people, the
 * organization and webhooks, with charts, exports and the write actions the granted scopes allow.
 * Reaches Livestorm only through the livestorm client and reads the connection through token;
 * depends on account, web and config. Never on connect (the scope vocabulary is livestorm's) nor
 * the sandbox; only admin depends on it (export figures).
 */
package com.livestormconnect.dashboard;
