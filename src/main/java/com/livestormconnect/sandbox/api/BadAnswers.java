package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.control.Faults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A bad answer queued by a test (control {@code bad-answers}) spoils the next successful list
 * answers: a client must cope with what a real server or a proxy in between can send. A CDI bean
 * (like the other filters), so that every server injects its {@link Faults}: WildFly and Liberty do
 * not inject into a provider that is not one.
 */
@ApplicationScoped
public class BadAnswers implements ContainerResponseFilter {
  @Inject Faults faults;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() != 200 || !(response.getEntity() instanceof byte[] body)) {
      return;
    }
    JsonObject document;
    try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
      document = reader.readObject();
    }
    if (!(document.get("data") instanceof jakarta.json.JsonArray data) || data.isEmpty()) {
      return;
    }
    Optional<String> bad = faults.takeBadAnswer("/" + request.getUriInfo().getPath());
    if (bad.isEmpty()) {
      return;
    }
    String spoilt =
        switch (bad.get()) {
          case "malformed" -> "{\"data\": [{\"id\": \"" + data.getJsonObject(0).getString("id");
          case "shrunk" -> {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            data.subList(0, data.size() - 1).forEach(rows::add);
            yield Json.createObjectBuilder(document).add("data", rows).build().toString();
          }
          case "record_count" -> {
            JsonObject meta = document.getJsonObject("meta");
            yield Json.createObjectBuilder(document)
                .add(
                    "meta",
                    Json.createObjectBuilder(meta)
                        .add("record_count", meta.getInt("record_count") + 7))
                .build()
                .toString();
          }
          default -> {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            rows.add(
                Json.createObjectBuilder(data.getJsonObject(0)).add("id", "x".repeat(100_000)));
            data.subList(1, data.size()).forEach(rows::add);
            yield Json.createObjectBuilder(document).add("data", rows).build().toString();
          }
        };
    byte[] bytes = spoilt.getBytes(StandardCharsets.UTF_8);
    response.setEntity(bytes);
    response.getHeaders().putSingle("Content-Length", bytes.length);
  }
}
