package com.livestormconnect.web;

import com.livestormconnect.config.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What the forwarding headers say, believed only when the connection comes from one of the
 * TRUSTED_PROXIES: anyone can send {@code X-Forwarded-For} or {@code X-Forwarded-Proto} themselves.
 */
public final class ProxyHeaders {
  private ProxyHeaders() {}

  /**
   * The client's address: the peer's, or, when the peer is a trusted proxy, the right-most address
   * in X-Forwarded-For that is not a trusted proxy (the left part is written by the client and
   * could say anything).
   */
  public static String clientAddress(HttpServletRequest request, TrustedProxies proxies) {
    String peer = request.getRemoteAddr();
    return clientAddress(peer, request.getHeaders("X-Forwarded-For"), proxies);
  }

  static String clientAddress(
      String peer, java.util.Enumeration<String> forwardedFor, TrustedProxies proxies) {
    if (proxies.isEmpty() || !proxies.contains(peer) || forwardedFor == null) {
      return peer;
    }
    java.util.List<String> hops = new java.util.ArrayList<>();
    while (forwardedFor.hasMoreElements()) {
      for (String hop : forwardedFor.nextElement().split(",")) {
        hops.add(hop.trim());
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (TrustedProxies.literal(hop).isEmpty()) {
        // Garbage in the chain: stop at the last hop we could vouch for.
        return client;
      }
      client = hop;
      if (!proxies.contains(hop)) {
        return hop;
      }
    }
    return client;
  }

  /** HTTPS on this connection, or at a trusted proxy in front of us that says so. */
  public static boolean isHttps(HttpServletRequest request, TrustedProxies proxies) {
    if (request.isSecure()) {
      return true;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    return proto != null
        && "https".equals(proto.trim().toLowerCase(Locale.ROOT))
        && proxies.contains(request.getRemoteAddr());
  }
}
