/**
 * Pages the partner's users work with every day: the connection, events, sessions and their
 * people, the organization and webhooks, with charts, exports and the write actions the granted
 * scopes allow. Reaches Livestorm only through the livestorm client; reads the connection through
 * token and scopes through connect; depends on config, account and web. Never on the sandbox.
 */
package com.livestormconnect.dashboard;
