package io.llmgateway.testing.fault;

import io.llmgateway.testing.internal.wire.Responses;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;

/**
 * Where the N-th {@code data:} event of a real SSE response ends, counted in body bytes on the wire
 * (chunk framing included), so a stall can fall exactly between two events.
 */
final class StreamOffsets {
  private StreamOffsets() {}

  /** The wire offset just after the {@code events}-th data event, or -1 if there are fewer. */
  static long afterEvents(MockResponse real, int events) {
    long decoded = decodedOffsetAfterEvents(Responses.decodedBody(real), events);
    if (decoded < 0 || !Responses.isChunked(real)) {
      return decoded;
    }
    return wireOffset(real.getBody(), decoded);
  }

  /** Same counting as {@link Truncation#afterEvents}: comments such as keepalives do not count. */
  private static long decodedOffsetAfterEvents(byte[] body, int events) {
    int seen = 0;
    int start = 0;
    while (start < body.length && seen < events) {
      int end = indexOfBlankLine(body, start);
      end = end < 0 ? body.length : end + 2;
      if (startsWith(body, start, "data:")) {
        seen++;
      }
      start = end;
    }
    return seen == events ? start : -1;
  }

  /** Maps a decoded offset to the pre-encoded chunked body; a chunk's end includes its CRLF. */
  private static long wireOffset(Buffer chunked, long decoded) {
    long wire = 0;
    long seen = 0;
    try {
      while (!chunked.exhausted()) {
        String sizeLine = chunked.readUtf8LineStrict();
        long size = Long.parseLong(sizeLine.trim(), 16);
        long header = sizeLine.length() + 2;
        if (size == 0) {
          break;
        }
        if (decoded < seen + size) {
          return wire + header + (decoded - seen);
        }
        chunked.skip(size + 2);
        wire += header + size + 2;
        seen += size;
        if (decoded == seen) {
          return wire;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return wire;
  }

  private static int indexOfBlankLine(byte[] body, int from) {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\n' && body[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] body, int at, String prefix) {
    if (at + prefix.length() > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (body[at + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
