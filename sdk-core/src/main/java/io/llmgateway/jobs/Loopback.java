package io.llmgateway.jobs;

import java.util.Locale;

/** Whether a host name is this machine, by name only (no DNS lookup). */
final class Loopback {
  private Loopback() {}

  static boolean is(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.startsWith("127.")
        || h.equals("::1")
        || h.equals("[::1]")
        || h.equals("0:0:0:0:0:0:0:1");
  }
}
