/**
 * CSV exports of a session's people: the CSV format (with formula neutralisation), and background
 * jobs that stream every page to a file with progress. Reaches Livestorm only through the livestorm
 * client; knows nothing of pages or servlets.
 */
package com.livestormconnect.dashboard.export;
