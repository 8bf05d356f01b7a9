/**
 * An offline Livestorm inside the WAR: Doorkeeper-style OAuth server, API v1 and deterministic demo
 * data, all under {@code /sandbox/}. It imports nothing from the rest of the app and nothing else
 * imports it: the app reaches it only over HTTP, like the real Livestorm, so it could be lifted
 * out.
 */
package com.livestormconnect.sandbox;
