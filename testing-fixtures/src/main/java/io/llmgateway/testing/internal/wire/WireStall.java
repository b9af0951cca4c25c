package io.llmgateway.testing.internal.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Pauses at chosen points of a response body, which MockWebServer cannot script itself (its
 * throttle pauses after every N bytes): a fault's one stall mid-body, or a latency's pace between
 * stream events; and a cut, where the connection ends as a dying server's does. Pauses are armed
 * while the request is dispatched; the connection's socket then waits when that many body bytes
 * (chunk framing included) are on the wire. Dispatch and writing happen on the same connection
 * thread in MockWebServer 4.12, hence the thread local. A pause ends early when its connection
 * closes, so a long stall never holds up the gateway's close.
 */
public final class WireStall {
  private static final ThreadLocal<@Nullable WireStall> ARMED = new ThreadLocal<>();

  private long[] offsets = new long[0]; // ascending body offsets
  private long[] millis = new long[0];
  private int next;
  private long cutAt = -1;
  private boolean cut;
  private int headerEndMatched; // how much of CRLF CRLF, the end of the headers, has been seen
  private boolean inBody;
  private long bodyBytes;

  private WireStall() {}

  /**
   * The response this thread writes next pauses for {@code stall} once {@code afterBodyBytes} body
   * bytes (chunk framing included) have been written, then continues. Adds to pauses already armed.
   */
  public static void arm(long afterBodyBytes, Duration stall) {
    arm(new long[] {afterBodyBytes}, new long[] {stall.toMillis()});
  }

  /** Adds one pause of {@code millis[i]} at each body offset {@code offsets[i]}. */
  public static void arm(long[] offsets, long[] millis) {
    WireStall stall = ARMED.get();
    if (stall == null) {
      stall = new WireStall();
      ARMED.set(stall);
    }
    stall.add(offsets, millis);
  }

  /**
   * The response this thread writes next ends its connection (a FIN, nothing more) once {@code
   * bodyBytes} body bytes are on the wire. MockWebServer writes an empty trailer section after
   * every chunked body, even one cut short on purpose; a strict HTTP parser reads those two bytes
   * as a broken chunk size and drops what arrived, so a cut must stop the bytes itself.
   */
  public static void cut(long bodyBytes) {
    arm(new long[0], new long[0]);
    ARMED.get().cutAt = Math.max(0, bodyBytes);
  }

  /** Forgets pauses that never fired (the body was shorter), before the next request. */
  public static void disarm() {
    ARMED.remove();
  }

  private void add(long[] moreOffsets, long[] moreMillis) {
    int size = offsets.length;
    offsets = Arrays.copyOf(offsets, size + moreOffsets.length);
    millis = Arrays.copyOf(millis, size + moreMillis.length);
    for (int i = 0; i < moreOffsets.length; i++) {
      // Insertion keeps the schedule ordered; schedules are short (one per stream event at most).
      int at = size + i;
      long offset = Math.max(0, moreOffsets[i]);
      while (at > next && offsets[at - 1] > offset) {
        offsets[at] = offsets[at - 1];
        millis[at] = millis[at - 1];
        at--;
      }
      offsets[at] = offset;
      millis[at] = Math.max(0, moreMillis[i]);
    }
  }

  /**
   * Writes to a connection's socket, pausing wherever this thread's response is armed to.
   *
   * @param closed counted down when the connection closes, which ends a pause
   */
  static void write(
      OutputStream out, byte[] b, int off, int len, CountDownLatch closed, Runnable hangUp)
      throws IOException {
    WireStall stall = ARMED.get();
    if (stall == null) {
      out.write(b, off, len);
      return;
    }
    if (stall.cut) {
      return; // the connection is gone: what MockWebServer still writes goes nowhere
    }
    int pos = off;
    int end = off + len;
    while (true) {
      int at = stall.pauseIndex(b, pos, end);
      if (at < 0) {
        out.write(b, pos, end - pos);
        return;
      }
      if (stall.next == stall.offsets.length) { // the cut, not a pause
        out.write(b, pos, at - pos);
        out.flush();
        stall.cut = true;
        hangUp.run();
        return;
      }
      out.write(b, pos, at - pos);
      out.flush();
      long pause = stall.millis[stall.next++];
      if (stall.next == stall.offsets.length && stall.cutAt < 0) {
        ARMED.remove();
      }
      await(pause, closed);
      if (ARMED.get() != stall) {
        out.write(b, at, end - at);
        return;
      }
      pos = at;
    }
  }

  /**
   * Where in {@code b[pos, end)} the next pause falls, or -1 if not in this write; advances the
   * counters to that point. A pause reached exactly at the end of a write waits for the next write,
   * so a pause at the end of the body never happens.
   */
  private int pauseIndex(byte[] b, int pos, int end) {
    int i = pos;
    while (!inBody && i < end) {
      byte c = b[i++];
      boolean expected = c == (headerEndMatched % 2 == 0 ? '\r' : '\n');
      headerEndMatched = expected ? headerEndMatched + 1 : (c == '\r' ? 1 : 0);
      inBody = headerEndMatched == 4;
    }
    if (!inBody) {
      return -1;
    }
    long target = next < offsets.length ? offsets[next] : cutAt;
    if (target < 0) {
      bodyBytes += end - i;
      return -1;
    }
    long before = Math.max(0, target - bodyBytes);
    if (end - i < before || (end - i == before && before > 0)) {
      bodyBytes += end - i;
      return -1;
    }
    bodyBytes += before;
    return (int) (i + before);
  }

  private static void await(long millis, CountDownLatch closed) {
    if (millis <= 0) {
      return;
    }
    try {
      closed.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is shutting down: just carry on
    }
  }
}
