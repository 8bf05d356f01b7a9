/**
 * Connecting a Livestorm account: the scope page, the authorization-code flow with PKCE (RFC 6749,
 * RFC 7636, RFC 9700), the callback (state, code exchange, {@code /me}, one save), disconnecting
 * with revocation, and the connection page with its audit trail and call figures. Depends on
 * livestorm (scopes, {@code /me}, call figures), token, account, web and config; nothing but admin
 * depends on it, and it never depends on dashboard.
 */
package com.livestormconnect.connect;
