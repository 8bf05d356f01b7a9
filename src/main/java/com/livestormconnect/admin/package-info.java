/**
 * Administrator pages: operations, metrics and all connections. May depend on every other feature
 * except the sandbox; nothing depends on it.
 */
package com.livestormconnect.admin;
