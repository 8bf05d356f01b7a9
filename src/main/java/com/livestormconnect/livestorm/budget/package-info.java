/**
 * A connection's call budget: everything that decides whether and when a connection may call
 * Livestorm (the rolling-second window, in memory or shared through PostgreSQL; the pace; pauses
 * after a 429, shared by every node; the monthly quota with its hold, hourly probe and warnings;
 * priorities, page loads before background work) and the counters of what it used. Only {@code
 * CallBudget} is public, and its {@code Standing} is the one answer pages read for a connection.
 * Depends on config, database and token (its events); knows nothing of the client that asks it.
 */
package com.livestormconnect.livestorm.budget;
