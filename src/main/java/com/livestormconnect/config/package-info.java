/**
 * Settings: every environment variable the app reads, parsed and validated in one place. Depends on
 * nothing else in the app; every feature may depend on it.
 */
package com.livestormconnect.config;
