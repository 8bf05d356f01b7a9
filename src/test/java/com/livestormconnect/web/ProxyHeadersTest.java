package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.config.Settings;
import com.livestormconnect.config.TrustedProxies;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {
  private static TrustedProxies proxies(String list) {
    return Settings.parse(Map.of("TRUSTED_PROXIES", list)::get).trustedProxies();
  }

  private static String client(String peer, TrustedProxies proxies, String... forwardedFor) {
    return ProxyHeaders.clientAddress(
        peer, Collections.enumeration(List.of(forwardedFor)), proxies);
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertEquals("203.0.113.9", client("203.0.113.9", TrustedProxies.none(), "198.51.100.1"));
  }

  @Test
  void aClientThatIsNotATrustedProxyCannotChooseItsAddress() {
    assertEquals("203.0.113.9", client("203.0.113.9", proxies("10.0.0.0/8"), "198.51.100.1"));
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
    TrustedProxies proxies = proxies("10.0.0.0/8");
    // The left part is what the client sent itself; only the proxy's own append is believed.
    assertEquals("198.51.100.7", client("10.0.0.2", proxies, "1.2.3.4, 198.51.100.7"));
    assertEquals("198.51.100.7", client("10.0.0.2", proxies, "1.2.3.4", "198.51.100.7, 10.0.0.3"));
    assertEquals("2001:db8::1", client("10.0.0.2", proxies, "2001:db8::1"));
  }

  @Test
  void garbageInTheChainStopsAtTheLastHopWeCanVouchFor() {
    TrustedProxies proxies = proxies("10.0.0.0/8");
    assertEquals("10.0.0.2", client("10.0.0.2", proxies, "evil.example"));
    assertEquals("10.0.0.2", client("10.0.0.2", proxies, ""));
    assertEquals("10.0.0.3", client("10.0.0.2", proxies, "junk, 10.0.0.3"));
  }
}
