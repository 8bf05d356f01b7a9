/**
 * The sandbox's Livestorm API v1 under /sandbox/api/v1: a Jakarta REST application of its own
 * ({@link com.livestormconnect.sandbox.api.SandboxApi}, nothing scanned), JSON:API documents,
 * Livestorm's pagination, bearer-token and scope checks, injected faults, the monthly quota and the
 * 5-requests-per-second limit with its headers, as filters. Every answer, errors included, carries
 * a JSON:API body, so the app's HTML error pages (web.xml) never replace a Livestorm-shaped error.
 */
package com.livestormconnect.sandbox.api;
