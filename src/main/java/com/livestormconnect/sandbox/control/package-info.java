/**
 * Test controls for engineers testing a Livestorm client against the sandbox: counters of what the
 * client did, and injected faults (429, 5xx) for the next API requests.
 */
package com.livestormconnect.sandbox.control;
