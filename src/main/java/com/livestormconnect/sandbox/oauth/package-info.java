/**
 * The sandbox's OAuth 2.0 authorization server, behaving like Doorkeeper 5.8 (which Livestorm
 * appears to run): consent page, authorization-code and refresh-token grants with PKCE, RFC 7009
 * revocation, and the validation orders and error shapes Doorkeeper uses.
 */
package com.livestormconnect.sandbox.oauth;
