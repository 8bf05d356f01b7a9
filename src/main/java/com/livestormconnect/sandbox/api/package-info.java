/**
 * The sandbox's Livestorm API v1 under /sandbox/api/v1: JSON:API documents, Livestorm's
 * pagination, bearer-token and scope checks, and the 5-requests-per-second limit with its headers.
 * Plain servlets rather than JAX-RS, so that no JAX-RS Application of the app can ever pick these
 * endpoints up, and every status is written with setStatus (never replaced by an HTML error page).
 */
package com.livestormconnect.sandbox.api;
