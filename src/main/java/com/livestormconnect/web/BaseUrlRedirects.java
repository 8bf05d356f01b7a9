package com.livestormconnect.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Redirects made with {@code sendRedirect} (by our code or the container) point into APP_BASE_URL,
 * never at the host named in the request's {@code Host} header, which the client chooses:
 * containers build absolute redirect URLs from it.
 */
public class BaseUrlRedirects extends HttpServletResponseWrapper {
  private final HttpServletRequest request;
  private final URI base;

  public BaseUrlRedirects(HttpServletRequest request, HttpServletResponse response, URI base) {
    super(response);
    this.request = request;
    this.base = base;
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    super.sendRedirect(location(request, base, location));
  }

  /** {@code location} (absolute, or relative to the request) as a URL under {@code base}. */
  public static String location(HttpServletRequest request, URI base, String location) {
    URI target;
    try {
      URI current = new URI(null, null, request.getRequestURI(), null);
      target = current.resolve(new URI(location));
    } catch (URISyntaxException e) {
      target = URI.create(request.getContextPath() + "/");
    }
    String path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    String context = request.getContextPath();
    if (!context.isEmpty() && path.startsWith(context)) {
      path = path.substring(context.length());
    }
    if (!path.startsWith("/") || path.startsWith("//")) {
      path = "/" + path.replaceFirst("^/+", "");
    }
    String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
    return base + path + query;
  }
}
