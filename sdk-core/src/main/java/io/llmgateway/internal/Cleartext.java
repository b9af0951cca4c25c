package io.llmgateway.internal;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The one cleartext check of every client: {@code http://} is refused unless the host is this
 * machine, by its literal form only (no DNS lookup): {@code localhost}, {@code ::1}, or an IPv4
 * literal in 127.0.0.0/8. A name such as {@code 127.attacker.example} is not, whatever it resolves
 * to, so the key never leaves in clear because a name looks local.
 */
public final class Cleartext {
  private Cleartext() {}

  /**
   * Throws unless {@code url} is https, loopback, or the caller allowed cleartext.
   *
   * @throws IllegalStateException naming the host and the way out
   */
  public static void check(HttpUrl url, boolean allowInsecureHttp) {
    if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
      throw new IllegalStateException(
          "refusing cleartext http:// to "
              + url.host()
              + ": the key would cross the network unencrypted (use https, or"
              + " allowInsecureHttp(true) if you really mean it)");
    }
  }

  /** Whether {@code host} is a literal loopback address or {@code localhost}. */
  public static boolean isLoopback(String host) {
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
