package com.livestormconnect.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressBlockTest {
  @Test
  void anIpv4AddressIsItself() {
    assertEquals("203.0.113.7", AddressBlock.of("203.0.113.7"));
    assertEquals("203.0.113.7", AddressBlock.of("::ffff:203.0.113.7"));
  }

  @Test
  void everyIpv6AddressOfOneSlash64IsOneBlock() {
    assertEquals("2001:db8:1:2::/64", AddressBlock.of("2001:db8:1:2::1"));
    assertEquals("2001:db8:1:2::/64", AddressBlock.of("2001:0db8:0001:0002:ffff:1:2:3"));
    assertEquals("2001:db8:1:2::/64", AddressBlock.of("[2001:db8:1:2:a::b]"));
    assertEquals("0:0:0:0::/64", AddressBlock.of("0:0:0:0:0:0:0:1%lo"));
  }
}
