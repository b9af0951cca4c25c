package io.llmgateway.testing.internal;

import io.llmgateway.testing.fault.Latency;
import io.llmgateway.testing.internal.wire.Responses;
import io.llmgateway.testing.internal.wire.WireStall;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/**
 * One request's latency: the personality says what it answered (a model's reply of n tokens, a
 * paced or a buffered stream), and the dispatcher turns that into real-clock delays on the final
 * response, after any fault changed it. With {@link Latency#none()} nothing is drawn or delayed.
 */
public final class Timing {
  private enum Shape {
    PLAIN,
    PACED_STREAM,
    BUFFERED_STREAM
  }

  private final Random random;
  private Latency latency;
  private Shape shape = Shape.PLAIN;
  private long tokens;
  private double factor = Double.NaN;

  /**
   * @param random the gateway's seeded random; one draw per request that has a latency
   */
  public Timing(Latency latency, Random random) {
    this.latency = latency;
    this.random = random;
  }

  /** Whether this request is delayed at all. */
  public boolean active() {
    return !latency.isNone();
  }

  /** A fault's own latency for this request, replacing the personality's. */
  public void override(Latency replacement) {
    this.latency = replacement;
  }

  /** The answer is a model's reply of {@code completionTokens}, sent whole when generated. */
  public void reply(long completionTokens) {
    this.shape = Shape.PLAIN;
    this.tokens = completionTokens;
  }

  /** The answer is a stream sent one token per chunk, as generated. */
  public void pacedStream(long completionTokens) {
    this.shape = Shape.PACED_STREAM;
    this.tokens = completionTokens;
  }

  /**
   * The answer is a stream whose events all arrive at once after generation (the SaaS server
   * buffers the provider's stream); comments sent before the first event are not held back.
   */
  public void bufferedStream(long completionTokens) {
    this.shape = Shape.BUFFERED_STREAM;
    this.tokens = completionTokens;
  }

  /** Milliseconds to generate {@code completionTokens}: first byte plus the pace per token. */
  public long generationMillis(long completionTokens) {
    if (latency.isNone()) {
      return 0;
    }
    return scaled(latency.timeToFirstByte().toMillis())
        + completionTokens * scaled(latency.perToken().toMillis());
  }

  /** What the server "spent" before its headers, for {@code openai-processing-ms}. */
  public long processingMillis() {
    if (latency.isNone()) {
      return 0;
    }
    return shape == Shape.PLAIN ? generationMillis(tokens) : generationMillis(0);
  }

  /** Applies the delays to the response this request gets (a fault's or the personality's). */
  public void apply(MockResponse response) {
    SocketPolicy policy = response.getSocketPolicy();
    if (latency.isNone()
        || policy == SocketPolicy.DISCONNECT_AFTER_REQUEST
        || policy == SocketPolicy.NO_RESPONSE) {
      return; // no answer to delay
    }
    long headers = response.getHeadersDelay(TimeUnit.MILLISECONDS);
    switch (shape) {
      case PACED_STREAM:
        response.setHeadersDelay(headers + generationMillis(0), TimeUnit.MILLISECONDS);
        armBetweenChunks(response, scaled(latency.perToken().toMillis()));
        break;
      case BUFFERED_STREAM:
        response.setHeadersDelay(headers, TimeUnit.MILLISECONDS);
        armBeforeFirstEvent(response, generationMillis(tokens));
        break;
      default:
        response.setHeadersDelay(headers + generationMillis(tokens), TimeUnit.MILLISECONDS);
        break;
    }
  }

  private long scaled(long millis) {
    if (latency.jitter() == 0 || millis == 0) {
      return millis;
    }
    if (Double.isNaN(factor)) {
      double draw;
      synchronized (random) {
        draw = random.nextDouble();
      }
      factor = 1 + latency.jitter() * (2 * draw - 1);
    }
    return Math.round(millis * factor);
  }

  /** One pause of {@code pace} before every HTTP chunk but the first. */
  private static void armBetweenChunks(MockResponse response, long pace) {
    List<long[]> chunks = chunkStarts(response);
    if (pace <= 0 || chunks.size() < 2) {
      return;
    }
    long[] offsets = new long[chunks.size() - 1];
    long[] millis = new long[offsets.length];
    for (int i = 1; i < chunks.size(); i++) {
      offsets[i - 1] = chunks.get(i)[0];
      millis[i - 1] = pace;
    }
    WireStall.arm(offsets, millis);
  }

  /** One pause before the first chunk that carries a {@code data:} event. */
  private static void armBeforeFirstEvent(MockResponse response, long pause) {
    for (long[] chunk : chunkStarts(response)) {
      if (chunk[1] == 1) {
        WireStall.arm(new long[] {chunk[0]}, new long[] {pause});
        return;
      }
    }
  }

  /**
   * The wire offset of every HTTP chunk of a chunked body, each with 1 if its payload starts with
   * {@code data:}. Empty for a body that is not chunked.
   */
  private static List<long[]> chunkStarts(MockResponse response) {
    List<long[]> out = new ArrayList<>();
    Buffer body = response.getBody();
    if (body == null || !Responses.isChunked(response)) {
      return out;
    }
    long offset = 0;
    try {
      while (!body.exhausted()) {
        String sizeLine = body.readUtf8LineStrict();
        long size = Long.parseLong(sizeLine.trim(), 16);
        if (size == 0) {
          break;
        }
        boolean data = size >= 5 && body.rangeEquals(0, okio.ByteString.encodeUtf8("data:"));
        out.add(new long[] {offset, data ? 1 : 0});
        body.skip(size + 2);
        offset += sizeLine.length() + 2 + size + 2;
      }
    } catch (java.io.IOException | RuntimeException e) {
      return out; // a fault's hand-made body: pace what could be read
    }
    return out;
  }
}
