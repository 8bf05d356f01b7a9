/**
 * The sandbox's Livestorm workspace: records for what the API serves, a deterministic demo data
 * generator, and the thread-safe in-memory store that API writes go to.
 */
package com.livestormconnect.sandbox.data;
