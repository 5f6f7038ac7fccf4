package dev.greenlight.preflight;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void containsAddressesInsideThePrefixOnly() {
    Cidr net = Cidr.parse("172.16.0.0/12");
    assertTrue(net.contains("172.16.0.1"));
    assertTrue(net.contains("172.31.255.255"));
    assertFalse(net.contains("172.32.0.1"));
    assertFalse(net.contains("::1"));
    assertTrue(Cidr.parse("::1/128").contains("::1"));
  }

  @Test
  void namesAreNeverResolved() {
    assertFalse(Cidr.parse("0.0.0.0/0").contains("localhost"));
  }

  @Test
  void badCidrNamesTheText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/40"));
    assertTrue(e.getMessage().contains("between 0 and 32 but was 10.0.0.0/40"), e.getMessage());
  }
}
