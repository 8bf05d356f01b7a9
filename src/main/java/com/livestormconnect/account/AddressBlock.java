package com.livestormconnect.account;

import com.livestormconnect.config.TrustedProxies;
import java.util.Optional;

/**
 * What the throttles count a client by: an IPv4 address, or the /64 network of an IPv6 address (one
 * customer's share of IPv6, which hands every client a whole /64 to choose addresses from).
 */
final class AddressBlock {
  private AddressBlock() {}

  /** {@code 203.0.113.7}, or {@code 2001:db8:1:2::/64} for any address in that /64. */
  static String of(String address) {
    String literal = address == null ? "" : address.trim();
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    Optional<byte[]> bytes = TrustedProxies.literal(literal);
    if (bytes.isEmpty()) {
      // Not an address (the container always gives one): counted as itself, bounded in length.
      return literal.length() > 64 ? literal.substring(0, 64) : literal;
    }
    byte[] b = bytes.get();
    if (b.length == 4) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      block.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
    }
    return block.append(":/64").toString();
  }
}
