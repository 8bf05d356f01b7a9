/**
 * Connecting a Livestorm account: scope selection, the authorization-code flow with PKCE (RFC 6749,
 * RFC 7636, RFC 9700), the callback, disconnecting and reconnecting. Depends on token, config,
 * account and web; reaches Livestorm (or the sandbox) only over HTTP at the configured URLs.
 */
package com.livestormconnect.connect;
