/**
 * Administrator pages: operations, metrics, the registration helper (what to send Livestorm, logo
 * check) and, in sandbox mode only, a probe that makes one Livestorm call. May depend on every
 * other feature except the sandbox; nothing depends on it.
 */
package com.livestormconnect.admin;
