package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.Browser;
import com.livestormconnect.SandboxConsent;
import com.livestormconnect.config.Settings;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;

/**
 * For client tests: a grant from the sandbox obtained the way a browser and our server would
 * (consent, code, PKCE, token request), without going through the app's connect pages.
 */
public final class SandboxGrant {
  private SandboxGrant() {}

  public static TokenResponse obtain(URI appBase, String scopes) throws Exception {
    URI redirect = URI.create(appBase + "/connect/callback");
    CodeVerifier verifier = new CodeVerifier();
    URI authorize =
        new AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), Settings.SANDBOX_CLIENT_ID)
            .endpointURI(URI.create(appBase + "/sandbox/oauth/authorize"))
            .redirectionURI(redirect)
            .scope(Scope.parse(scopes))
            .state(new State())
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    String location = SandboxConsent.approve(new Browser(appBase), authorize.toString());
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    TokenRequest request =
        new TokenRequest(
            URI.create(appBase + "/sandbox/oauth/token"),
            new ClientSecretPost(Settings.SANDBOX_CLIENT_ID, Settings.SANDBOX_CLIENT_SECRET),
            new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, verifier));
    TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
    assertTrue(
        response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
    return response;
  }
}
