package com.livestormconnect.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers are
 * believed (TRUSTED_PROXIES: comma-separated IPv4/IPv6 addresses or CIDR blocks; none by default,
 * so a client that sends these headers itself changes nothing).
 */
public record TrustedProxies(List<Block> blocks) {
  // Only address literals: InetAddress.getByName on anything else would ask DNS.
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  /** An address block: {@code bits} leading bits of {@code network}. */
  public record Block(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  public TrustedProxies {
    blocks = List.copyOf(blocks);
  }

  static TrustedProxies read(Environment env) {
    String raw = env.text("TRUSTED_PROXIES", "");
    List<Block> blocks = new ArrayList<>();
    for (String entry : raw.split(",")) {
      String item = entry.trim();
      if (item.isEmpty()) {
        continue;
      }
      Optional<Block> block = block(item);
      if (block.isEmpty()) {
        env.problem(
            "TRUSTED_PROXIES",
            "must list IPv4 or IPv6 addresses or CIDR blocks"
                + " (e.g. 10.0.0.0/8, fd00::/8), got '"
                + item
                + "'");
      } else {
        blocks.add(block.get());
      }
    }
    return new TrustedProxies(blocks);
  }

  /** A block from "address" or "address/bits"; empty when malformed. */
  static Optional<Block> block(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    Optional<byte[]> bytes = literal(address);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    int max = bytes.get().length * 8;
    int bits = max;
    if (slash >= 0) {
      String suffix = text.substring(slash + 1);
      if (!suffix.matches("[0-9]{1,3}")) {
        return Optional.empty();
      }
      bits = Integer.parseInt(suffix);
      if (bits > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new Block(bytes.get(), bits));
  }

  /** The bytes of an IPv4 or IPv6 literal (never a DNS lookup); empty for anything else. */
  public static Optional<byte[]> literal(String address) {
    if (address == null
        || address.isEmpty()
        || address.length() > 45
        || !LITERAL.matcher(address).matches()) {
      return Optional.empty();
    }
    if (!address.contains(":")) {
      return ipv4(address);
    }
    try {
      // With a colon, getByName parses an IPv6 literal and never asks DNS.
      return Optional.of(InetAddress.getByName(address).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> ipv4(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return Optional.of(bytes);
  }

  /** Whether {@code address} (a literal, as from getRemoteAddr) is one of the trusted proxies. */
  public boolean contains(String address) {
    Optional<byte[]> bytes = literal(address);
    return bytes.isPresent() && blocks.stream().anyMatch(b -> b.contains(bytes.get()));
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  @Override
  public String toString() {
    return "TrustedProxies[" + blocks.size() + " blocks]";
  }
}
