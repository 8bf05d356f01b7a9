/**
 * Livestorm tokens at rest: the connection row of each account with its AES-GCM encrypted tokens,
 * the audit trail of connection events, and the calls to Livestorm's token endpoints that later
 * features (refresh) share. Depends on account, config and database; never on livestorm, connect,
 * dashboard or the sandbox.
 */
package com.livestormconnect.token;
