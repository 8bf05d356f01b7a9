package com.livestormconnect.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * JSON in and out of the sandbox's servlets, through JSON-P. Responses are written with {@code
 * setStatus}, never {@code sendError}, so that the app's HTML error pages (web.xml) never replace a
 * Livestorm-shaped error body.
 */
public final class JsonBody {
  private JsonBody() {}

  /** Writes a document built of maps, lists, strings, numbers, booleans and nulls. */
  public static void write(
      HttpServletResponse response, int status, String contentType, Map<String, ?> document)
      throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) document;
    byte[] body = Json.createObjectBuilder(map).build().toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    // Bytes rather than a writer: JSON:API forbids a charset parameter on its media type, and
    // without one a writer would fall back to ISO-8859-1 and mangle emoji.
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * The request's JSON object, or empty when the body is missing or not a JSON object. Read as
   * UTF-8 bytes whatever the request's character encoding says (RFC 8259 §8.1), so that a name like
   * Zoë is not decoded as ISO-8859-1.
   */
  public static Optional<JsonObject> read(HttpServletRequest request) throws IOException {
    try (JsonReader reader =
        Json.createReaderFactory(Map.of())
            .createReader(request.getInputStream(), StandardCharsets.UTF_8)) {
      return Optional.of(reader.readObject());
    } catch (JsonException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}
