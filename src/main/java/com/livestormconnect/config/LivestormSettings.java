package com.livestormconnect.config;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Livestorm (or the in-WAR sandbox) and who we are to it. The client secret is a
 * Nimbus {@link Secret}, whose value is never printed.
 */
public record LivestormSettings(
    ClientID clientId,
    Secret clientSecret,
    ClientAuthenticationMethod clientAuthentication,
    URI authorizeUrl,
    URI tokenUrl,
    Optional<URI> revokeUrl,
    URI apiUrl,
    URI redirectUri,
    Scope registeredScopes,
    Duration connectTimeout,
    Duration readTimeout,
    Duration refreshMargin,
    int rateLimitPerSecond) {

  @Override
  public String toString() {
    return "LivestormSettings[clientId="
        + clientId
        + ", clientSecret=<redacted>, authorizeUrl="
        + authorizeUrl
        + ", tokenUrl="
        + tokenUrl
        + ", apiUrl="
        + apiUrl
        + ", redirectUri="
        + redirectUri
        + ", registeredScopes="
        + registeredScopes
        + "]";
  }
}
