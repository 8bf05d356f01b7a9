package com.livestormconnect.token;

import com.livestormconnect.config.LivestormSettings;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * Livestorm's token and revocation endpoints as a confidential client sees them: every request
 * authenticates with our client secret (form body by default, HTTP Basic when LIVESTORM_CLIENT_AUTH
 * says so; never in a URL) and gives up after the configured timeouts.
 */
@ApplicationScoped
public class AuthorizationServer {
  @Inject LivestormSettings settings;

  /** Outside CDI, e.g. in unit tests. */
  public static AuthorizationServer of(LivestormSettings settings) {
    AuthorizationServer server = new AuthorizationServer();
    server.settings = settings;
    return server;
  }

  public ClientAuthentication clientAuthentication() {
    if (ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(settings.clientAuthentication())) {
      return new ClientSecretBasic(settings.clientId(), settings.clientSecret());
    }
    return new ClientSecretPost(settings.clientId(), settings.clientSecret());
  }

  /** Sends a token request and parses the answer (RFC 6749 §5.1, §5.2). */
  public TokenResponse send(TokenRequest request) throws IOException, ParseException {
    return TokenResponse.parse(send(request.toHTTPRequest()));
  }

  /** Sends an RFC 7009 revocation request; the caller reads the status. */
  public HTTPResponse send(TokenRevocationRequest request) throws IOException {
    return send(request.toHTTPRequest());
  }

  private HTTPResponse send(HTTPRequest http) throws IOException {
    http.setConnectTimeout((int) settings.connectTimeout().toMillis());
    http.setReadTimeout((int) settings.readTimeout().toMillis());
    http.setFollowRedirects(false);
    return http.send();
  }
}
