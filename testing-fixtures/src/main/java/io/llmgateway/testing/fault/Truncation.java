package io.llmgateway.testing.fault;

import io.llmgateway.testing.internal.wire.Responses;
import io.llmgateway.testing.internal.wire.WireStall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/**
 * Cuts a real response short and closes the connection, so the client sees an interrupted body: a
 * chunked body loses its terminating chunk (and nothing follows its last chunk: see {@link
 * WireStall#cut}), a fixed-length one keeps its full Content-Length.
 */
final class Truncation {
  private Truncation() {}

  static MockResponse afterBytes(MockResponse real, long bytes) {
    byte[] body = Responses.decodedBody(real);
    int keep = (int) Math.min(body.length, Math.max(0, bytes));
    byte[] kept = Arrays.copyOf(body, keep);
    if (Responses.isChunked(real)) {
      Responses.withChunkBytes(real, List.of(kept), false);
      WireStall.cut(real.getBody().size());
    } else {
      real.setBody(new Buffer().write(kept));
      real.setHeader("Content-Length", Integer.toString(body.length));
    }
    return real.setSocketPolicy(SocketPolicy.DISCONNECT_AT_END);
  }

  static MockResponse afterEvents(MockResponse real, int events) {
    String body = new String(Responses.decodedBody(real), StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>();
    int dataEvents = 0;
    int start = 0;
    while (start < body.length() && dataEvents < events) {
      int end = body.indexOf("\n\n", start);
      end = end < 0 ? body.length() : end + 2;
      String event = body.substring(start, end);
      kept.add(event);
      if (event.startsWith("data:")) {
        dataEvents++;
      }
      start = end;
    }
    Responses.withChunks(real, kept, false);
    WireStall.cut(real.getBody().size());
    return real.setSocketPolicy(SocketPolicy.DISCONNECT_AT_END);
  }
}
