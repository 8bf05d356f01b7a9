package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BaseUrlRedirectsTest {
  private static final URI BASE = URI.create("https://connect.example.com");

  /** A request for {@code uri} under {@code context}, as a container would describe it. */
  private static HttpServletRequest request(String context, String uri) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getContextPath" -> context;
                  case "getRequestURI" -> uri;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void anAbsoluteUrlOnAForgedHostBecomesTheSamePathUnderTheBaseUrl() {
    assertEquals(
        "https://connect.example.com/static/",
        BaseUrlRedirects.location(request("", "/static"), BASE, "http://evil.example/static/"));
    assertEquals(
        "https://connect.example.com/login?x=1",
        BaseUrlRedirects.location(request("", "/dashboard"), BASE, "//evil.example/login?x=1"));
  }

  @Test
  void pathsAreResolvedAgainstTheRequestAndTheContextPathIsReplacedByTheBaseUrl() {
    URI base = URI.create("https://example.com/connect");
    assertEquals(
        "https://example.com/connect/dashboard",
        BaseUrlRedirects.location(request("/app", "/app/login"), base, "/app/dashboard"));
    assertEquals(
        "https://example.com/connect/events/new",
        BaseUrlRedirects.location(request("/app", "/app/events/1"), base, "new"));
  }
}
