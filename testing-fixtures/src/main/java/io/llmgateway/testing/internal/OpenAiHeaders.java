package io.llmgateway.testing.internal;

import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.MockResponse;

/**
 * The headers the OpenAI API puts on every answer, errors included, which OpenAI-style clients
 * read: {@code x-request-id} (the {@code _request_id} / {@code requestID} of the official SDKs),
 * {@code openai-processing-ms} and {@code openai-version}. Request ids are {@code req_} and 32 hex
 * digits counting up from 1, so a test can predict them.
 */
public final class OpenAiHeaders {
  /** The API version OpenAI reports; clients only log it. */
  static final String VERSION = "2020-10-01";

  private final AtomicLong requests = new AtomicLong();

  /** The id the next HiveOps request gets. */
  public String nextRequestId() {
    return requestId(requests.incrementAndGet());
  }

  public static String requestId(long number) {
    String hex = Long.toHexString(number);
    return "req_" + "0".repeat(32 - hex.length()) + hex;
  }

  /**
   * Adds the headers unless a fault's answer has its own request id, or is an nginx page (then the
   * upstream never answered, and nginx sends none of them).
   *
   * @param scripted whether a fault made or changed the answer (only those need looking at)
   */
  public static void stamp(
      MockResponse response, String requestId, long processingMillis, boolean scripted) {
    if (scripted) {
      okhttp3.Headers headers = response.getHeaders();
      if (headers.get("x-request-id") != null || "nginx".equals(headers.get("Server"))) {
        return;
      }
    }
    response.setHeader("x-request-id", requestId);
    response.setHeader("openai-processing-ms", Long.toString(processingMillis));
    response.setHeader("openai-version", VERSION);
  }
}
