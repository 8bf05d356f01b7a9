/**
 * The Livestorm API as the app sees it: the scope vocabulary and its combination rules ({@code
 * LivestormScope}, {@code ScopeSelection}), one typed client method per endpoint with the JSON:API
 * answers mapped into records, and everything every call goes through ({@code
 * LivestormCallInterceptor}: a fresh token, a permit from the connection's call budget in {@code
 * livestorm.budget}, retries, recent answers). Depends on token, account, database and config; used
 * by connect, dashboard and admin; never by token. Reaches Livestorm (or the sandbox) only over
 * HTTP at the configured URLs.
 */
package com.livestormconnect.livestorm;
