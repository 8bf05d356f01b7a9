/**
 * The app's data source (embedded Derby or PostgreSQL) and its versioned schema migrations. Depends
 * only on config.
 */
package com.livestormconnect.database;
