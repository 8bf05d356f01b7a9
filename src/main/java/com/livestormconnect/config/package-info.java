/**
 * Settings: every environment variable the app reads, parsed and validated in one place; and how
 * files under DATA_DIR are made readable by the app's user only ({@link OwnerOnlyFiles}). Depends
 * on nothing else in the app; every feature may depend on it.
 */
package com.livestormconnect.config;
