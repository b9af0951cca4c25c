package io.llmgateway.jobs;

import java.util.Locale;

/**
 * Whether a host is this machine, by its literal form only (no DNS lookup): {@code localhost},
 * {@code ::1}, or an IPv4 literal in 127.0.0.0/8. A name such as {@code 127.evil.com} is not.
 */
final class Loopback {
  private Loopback() {}

  static boolean is(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || isIpv4Loopback(h);
  }

  private static boolean isIpv4Loopback(String h) {
    String[] octets = h.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3) {
        return false;
      }
      for (int i = 0; i < octet.length(); i++) {
        if (octet.charAt(i) < '0' || octet.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
