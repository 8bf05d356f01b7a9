/**
 * Pages the partner's users work with every day. Reaches Livestorm only through the livestorm
 * client; reads the connection through token; depends on config, account and web.
 */
package com.livestormconnect.dashboard;
