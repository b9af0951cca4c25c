package io.llmgateway.testing.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;

/** Builds MockResponses: JSON, text, and SSE bodies sent with one HTTP chunk per event. */
public final class Responses {
  public static final String JSON = "application/json";
  public static final String SSE = "text/event-stream; charset=utf-8";

  private Responses() {}

  public static MockResponse json(int status, Object body) {
    return text(status, JSON, Json.write(body));
  }

  public static MockResponse text(int status, String contentType, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", contentType)
        .setBody(body);
  }

  /**
   * An SSE response whose events each travel in their own HTTP chunk, as a streaming server's do.
   */
  public static MockResponse sse(List<String> events) {
    MockResponse response =
        new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", SSE)
            .setHeader("Cache-Control", "no-cache")
            .setHeader("Connection", "keep-alive")
            .setHeader("X-Accel-Buffering", "no");
    return withChunks(response, events, true);
  }

  /**
   * Replaces the body with the given pieces in chunked encoding. Without the terminating chunk the
   * body is cut short: combine with a disconnect so the client sees an interrupted stream.
   */
  public static MockResponse withChunks(
      MockResponse response, List<String> pieces, boolean terminate) {
    List<byte[]> bytes = new java.util.ArrayList<>();
    for (String piece : pieces) {
      bytes.add(piece.getBytes(StandardCharsets.UTF_8));
    }
    return withChunkBytes(response, bytes, terminate);
  }

  /** {@link #withChunks} for raw bytes (a cut may fall inside a UTF-8 character). */
  public static MockResponse withChunkBytes(
      MockResponse response, List<byte[]> pieces, boolean terminate) {
    Buffer encoded = new Buffer();
    for (byte[] bytes : pieces) {
      if (bytes.length == 0) {
        continue;
      }
      encoded.writeHexadecimalUnsignedLong(bytes.length).writeUtf8("\r\n");
      encoded.write(bytes).writeUtf8("\r\n");
    }
    if (terminate) {
      // MockWebServer writes the (empty) trailer section and its CRLF itself after a chunked
      // body; a second CRLF here would be read as the next response's status line.
      encoded.writeUtf8("0\r\n");
    }
    response.setBody(encoded);
    response.removeHeader("Content-Length");
    response.setHeader("Transfer-Encoding", "chunked");
    return response;
  }

  /** Whether this response's body is chunked (MockWebServer then holds it pre-encoded). */
  public static boolean isChunked(MockResponse response) {
    String te = response.getHeaders().get("Transfer-Encoding");
    return te != null && te.equalsIgnoreCase("chunked");
  }

  /** The decoded body bytes of a response built by this class (chunked or not). */
  public static byte[] decodedBody(MockResponse response) {
    Buffer raw = response.getBody();
    if (raw == null) {
      return new byte[0];
    }
    if (!isChunked(response)) {
      return raw.readByteArray();
    }
    Buffer out = new Buffer();
    try {
      while (!raw.exhausted()) {
        long size = Long.parseLong(raw.readUtf8LineStrict().trim(), 16);
        if (size == 0) {
          break;
        }
        raw.read(out, size);
        raw.readUtf8LineStrict();
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.readByteArray();
  }
}
