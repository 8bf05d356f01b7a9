package com.livestormconnect.connect;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.token.LivestormIdentity;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Asks Livestorm who a fresh token belongs to ({@code GET /me}, a JSON:API {@code users}
 * document) so that the dashboard can name the user and organization. Best effort: a failure
 * leaves them unknown. The token goes only in the Authorization header (RFC 6750 §2.1). The API
 * client feature will replace this class.
 */
@ApplicationScoped
public class ProfileLookup {
  private static final Logger LOG = Logger.getLogger(ProfileLookup.class.getName());

  @Inject
  LivestormSettings settings;

  private Client client;

  @PostConstruct
  void open() {
    client = ClientBuilder.newBuilder()
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  @PreDestroy
  void close() {
    client.close();
  }

  public Optional<LivestormIdentity> lookUp(AccessToken token) {
    try (Response response = client.target(settings.apiUrl()).path("me")
        .request("application/vnd.api+json", "application/json")
        .header(HttpHeaders.AUTHORIZATION, token.toAuthorizationHeader())
        .get()) {
      if (response.getStatus() != 200) {
        LOG.warning(() -> "GET /me answered HTTP " + response.getStatus() + "; connection stored"
            + " without Livestorm user and organization ids");
        return Optional.empty();
      }
      return identity(response.readEntity(String.class));
    } catch (ProcessingException | IllegalStateException e) {
      LOG.warning(() -> "GET /me failed (" + e.getClass().getSimpleName() + "); connection stored"
          + " without Livestorm user and organization ids");
      return Optional.empty();
    }
  }

  static Optional<LivestormIdentity> identity(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonObject data = reader.readObject().getJsonObject("data");
      String userId = data.getString("id");
      String organizationId = null;
      JsonObject relationships = data.getJsonObject("relationships");
      if (relationships != null && relationships.get("organization") instanceof JsonObject organization
          && organization.get("data") instanceof JsonObject ref && ref.get("id") != null
          && ref.get("id").getValueType() == JsonValue.ValueType.STRING) {
        organizationId = ref.getString("id");
      }
      return Optional.of(new LivestormIdentity(userId, organizationId));
    } catch (RuntimeException e) {
      LOG.warning(() -> "GET /me answered a document without data.id ("
          + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }
}
