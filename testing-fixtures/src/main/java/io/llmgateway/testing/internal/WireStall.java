package io.llmgateway.testing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One pause in the middle of a response body, which MockWebServer cannot script itself (its
 * throttle pauses after every N bytes). A fault arms it while the request is dispatched; the
 * connection's socket then pauses once when that many body bytes are on the wire. Dispatch and
 * writing happen on the same connection thread in MockWebServer 4.12, hence the thread local. A
 * pause ends early when its connection closes, so a long stall never holds up the gateway's close.
 */
public final class WireStall {
  private static final ThreadLocal<@Nullable WireStall> ARMED = new ThreadLocal<>();

  private final long afterBodyBytes;
  private final long stallMillis;
  private int headerEndMatched; // how much of CRLF CRLF, the end of the headers, has been seen
  private boolean inBody;
  private long bodyBytes;

  private WireStall(long afterBodyBytes, Duration stall) {
    this.afterBodyBytes = Math.max(0, afterBodyBytes);
    this.stallMillis = Math.max(0, stall.toMillis());
  }

  /**
   * The response this thread writes next pauses for {@code stall} once {@code afterBodyBytes} body
   * bytes (chunk framing included) have been written, then continues.
   */
  public static void arm(long afterBodyBytes, Duration stall) {
    ARMED.set(new WireStall(afterBodyBytes, stall));
  }

  /** Forgets a stall that never fired (the body was shorter), before the next request. */
  public static void disarm() {
    ARMED.remove();
  }

  /**
   * Writes to a connection's socket, pausing there if this thread's response is armed.
   *
   * @param closed counted down when the connection closes, which ends a pause
   */
  static void write(OutputStream out, byte[] b, int off, int len, CountDownLatch closed)
      throws IOException {
    WireStall stall = ARMED.get();
    if (stall == null) {
      out.write(b, off, len);
      return;
    }
    int at = stall.stallOffset(b, off, len);
    if (at < 0) {
      out.write(b, off, len);
      return;
    }
    out.write(b, off, at - off);
    out.flush();
    ARMED.remove();
    stall.await(closed);
    out.write(b, at, off + len - at);
  }

  /** Where in {@code b} the pause falls, or -1 if not in this write; advances the counters. */
  private int stallOffset(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (!inBody && i < end) {
      byte c = b[i++];
      boolean expected = c == (headerEndMatched % 2 == 0 ? '\r' : '\n');
      headerEndMatched = expected ? headerEndMatched + 1 : (c == '\r' ? 1 : 0);
      inBody = headerEndMatched == 4;
    }
    if (!inBody) {
      return -1;
    }
    long before = afterBodyBytes - bodyBytes;
    if (end - i < before || (end - i == before && before > 0)) {
      // Not reached in this write (or reached exactly at its end: pause before the next one).
      bodyBytes += end - i;
      return -1;
    }
    return (int) (i + before);
  }

  private void await(CountDownLatch closed) {
    try {
      closed.await(stallMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is shutting down: just carry on
    }
  }
}
