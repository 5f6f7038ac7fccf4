package dev.greenlight.preflight;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8}. Immutable. */
public final class Cidr {
  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * @throws IllegalArgumentException naming the text when it is not an address literal and prefix
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("CIDR must look like 10.0.0.0/8 but was " + text);
    }
    byte[] address = literal(text.substring(0, slash), text);
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("CIDR prefix must be a number but was " + text);
    }
    if (prefix < 0 || prefix > address.length * 8) {
      throw new IllegalArgumentException(
          "CIDR prefix must be between 0 and " + address.length * 8 + " but was " + text);
    }
    return new Cidr(address, prefix);
  }

  /** Whether {@code ip} (an address literal) is inside this network; false for anything else. */
  public boolean contains(String ip) {
    byte[] address;
    try {
      address = literal(ip, ip);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[full] & mask) == (network[full] & mask);
  }

  private static byte[] literal(String ip, String context) {
    // Only literals: never resolve a name from a log line through DNS.
    if (!ip.matches("^[0-9a-fA-F:.]+$")) {
      throw new IllegalArgumentException("not an IP address literal: " + context);
    }
    try {
      return InetAddress.getByName(ip).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + context, e);
    }
  }
}
