package com.livestormconnect.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Refuses request bodies larger than the app ever needs with 413 and the error page, before any
 * servlet parses them (servers' own limits, such as Tomcat's maxPostSize, are server-specific and
 * answer differently). A declared Content-Length is checked up front; a chunked body is read
 * through a counting limit and, when small enough, handed on from memory.
 */
@WebFilter(filterName = "requestSize", urlPatterns = "/*")
public class RequestSizeFilter extends HttpFilter {
  /** Forms and the sandbox's JSON bodies are a few kilobytes. */
  static final long MAX_BODY = 1024 * 1024;

  /** Multipart forms carry the app logo (5 MB at most, see RegistrationServlet). */
  static final long MAX_MULTIPART = 6L * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(RequestSizeFilter.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long limit = isMultipart(request) ? MAX_MULTIPART : MAX_BODY;
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(request, response, declared + " bytes");
      return;
    }
    if (declared < 0 && isChunked(request)) {
      if (isMultipart(request)) {
        response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
        return;
      }
      byte[] body = readAtMost(request.getInputStream(), limit);
      if (body == null) {
        refuse(request, response, "more than " + limit + " bytes, chunked");
        return;
      }
      chain.doFilter(new BufferedRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String size)
      throws IOException {
    // One line, no stack trace: an oversized body is an ordinary refusal, not an error of ours.
    LOG.warning(
        () ->
            "Refused a request body of "
                + size
                + " to "
                + request.getMethod()
                + " "
                + request.getServletPath()
                + " (413)");
    request.setAttribute(ErrorServlet.REASON, "error.413");
    response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static boolean isChunked(HttpServletRequest request) {
    String encoding = request.getHeader("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
  }

  /** The whole body, or null as soon as it passes {@code limit}. */
  static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * A chunked body already read: the stream replays it and form parameters are parsed from it,
   * because the container would parse its own (already consumed) stream.
   */
  static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    private Map<String, String[]> parameters;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("not asynchronous");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      return getParameterMap().get(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public synchronized Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        parse(getQueryString(), all);
        String type = getContentType();
        if (type != null
            && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
          parse(new String(body, StandardCharsets.ISO_8859_1), all);
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        all.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
        parameters = Collections.unmodifiableMap(result);
      }
      return parameters;
    }

    private static void parse(String encoded, Map<String, List<String>> into) {
      if (encoded == null || encoded.isEmpty()) {
        return;
      }
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        try {
          into.computeIfAbsent(
                  URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
              .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // A malformed escape: the pair is dropped, as containers do.
        }
      }
    }
  }
}
