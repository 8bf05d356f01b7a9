package com.livestormconnect;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client for tests that talk to the app on 127.0.0.1 like a browser would:
 * redirects are not followed, so tests can assert on them.
 */
public final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String csrf;
  private String forwardedFor;

  public Browser() {
    this(URI.create("http://127.0.0.1:" + System.getProperty("it.http.port", "8080")));
  }

  public Browser(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public URI base() {
    return base;
  }

  /**
   * Sends {@code X-Forwarded-For: address} with every request from now on: a client at that
   * address, for a server that trusts 127.0.0.1 as its proxy.
   */
  public Browser from(String address) {
    this.forwardedFor = address;
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> get(String path, String headerName, String headerValue) {
    return send(request(path).header(headerName, headerValue).GET().build());
  }

  /** POSTs a form, adding the CSRF token of the last page seen unless the form has one. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (csrf != null) {
      fields.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, fields);
  }

  /** POSTs exactly these fields (no CSRF token added). */
  public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** POSTs a form whose fields may repeat (e.g. several {@code scope}), adding the CSRF token. */
  public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
    List<Map.Entry<String, String>> all = new ArrayList<>(fields);
    if (csrf != null && all.stream().noneMatch(e -> e.getKey().equals("_csrf"))) {
      all.add(Map.entry("_csrf", csrf));
    }
    String body =
        all.stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * POSTs a multipart form with one file, adding the CSRF token of the last page seen unless {@code
   * fields} has one (an empty value sends none).
   */
  public HttpResponse<String> postFile(
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      String contentType,
      byte[] content) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null) {
      all.putIfAbsent("_csrf", csrf);
    }
    all.values().removeIf(String::isEmpty);
    String boundary = "----test" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    all.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** Signs up (the account is new) and leaves this browser signed in. */
  public HttpResponse<String> signUp(String username, String password) {
    get("/signup");
    return post("/signup", Map.of("username", username, "password", password));
  }

  public String csrf() {
    return csrf;
  }

  public CookieManager cookies() {
    return cookies;
  }

  private HttpRequest.Builder request(String path) {
    URI uri = path.startsWith("http") ? URI.create(path) : base.resolve(path);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    return forwardedFor == null ? builder : builder.header("X-Forwarded-For", forwardedFor);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
