package io.llmgateway.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.CallTimeoutException;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.StreamErrorEventException;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.internal.CallDeadlines;
import io.llmgateway.internal.call.AttemptContext;
import io.llmgateway.internal.call.SseReader;
import io.llmgateway.internal.stream.StreamAccumulator;
import io.llmgateway.stream.StreamChunk;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BiFunction;
import okhttp3.Call;
import okio.Buffer;
import okio.BufferedSource;
import okio.Source;
import okio.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * A drop-in stream as the OpenAI SDK reads it, read first by the SDK's own SSE reading: each event
 * is passed on (a chunk's {@code "error": null}, which the OpenAI SDK takes for an error, removed),
 * an error event is kept typed for {@code translate(e)}, an idle gap longer than the idle timeout
 * cancels the exchange, and an end without {@code [DONE]} or a finish reason is an error the SDK's
 * caller sees ({@link TypedIOException} with a {@code StreamInterruptedException} and the partial
 * text), where the OpenAI SDK alone would report a normal end.
 */
final class DropInStream implements Source {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedSource upstream;
  private final SseReader events;
  private final StreamAccumulator acc;
  private final Buffer out = new Buffer();
  private final Provider provider;
  private final ErrorClassifier classifier;
  private final DropInErrors errors;
  private final String tag;
  private final CallDeadlines.Deadline idle;
  private final Duration idleTimeout;
  private final AttemptContext ctx;
  private final String model;
  private final BiFunction<String, @Nullable TokenUsage, Cost> pricer;
  private boolean ended;
  private boolean told;

  DropInStream(
      BufferedSource upstream,
      int maxEventBytes,
      Provider provider,
      ErrorClassifier classifier,
      DropInErrors errors,
      String tag,
      Call call,
      Duration idleTimeout,
      AttemptContext ctx,
      String model,
      BiFunction<String, @Nullable TokenUsage, Cost> pricer) {
    this.upstream = upstream;
    this.events = new SseReader(upstream, maxEventBytes);
    this.acc = new StreamAccumulator(provider, classifier);
    this.provider = provider;
    this.classifier = classifier;
    this.errors = errors;
    this.tag = tag;
    this.idleTimeout = idleTimeout;
    this.ctx = ctx;
    this.model = model;
    this.pricer = pricer;
    this.idle = CallDeadlines.shared().start(call, ctx.timeout());
  }

  /**
   * Reads up to the first chunk, inside the attempt: what fails before it is the attempt's (retried
   * as the policy says), as for the facade's streams.
   */
  void readFirstChunk() throws IOException {
    while (acc.chunks() == 0 && !ended) {
      if (!pull()) {
        if (acc.chunks() == 0 && !acc.sawDone()) {
          throw new EOFException("stream ended before its first chunk");
        }
      }
    }
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    while (out.size() == 0) {
      if (ended || !pull()) {
        return out.size() == 0 ? -1 : out.read(sink, byteCount);
      }
    }
    return out.read(sink, byteCount);
  }

  /** Moves one event to the output; false at the end of the stream. */
  private boolean pull() throws IOException {
    String data;
    try {
      data = events.next();
    } catch (SseReader.EventTooLargeException e) {
      throw typed(acc.interrupted("stream event too large", tooLarge(e)));
    } catch (IOException e) {
      ended = true;
      if (acc.isComplete()) {
        return false; // everything arrived; only the server's tail was lost
      }
      if (idle.expired()) {
        throw typed(acc.interrupted("no chunk for " + millis(idleTimeout), idleTimeout()));
      }
      if (acc.chunks() == 0) {
        throw e; // before the first chunk: the attempt's own failure
      }
      throw typed(acc.interrupted("stream cut", classifier.classify(provider, e)));
    }
    if (data == null) {
      ended = true;
      idle.close();
      if (!acc.isComplete() && acc.chunks() > 0) {
        throw typed(acc.interrupted("stream ended without [DONE] or a finish reason", null));
      }
      completed();
      return false;
    }
    String passed = withoutNullError(data);
    try {
      StreamChunk chunk = acc.accept(passed);
      if (chunk != null) {
        idle.rearm(idleTimeout, null);
      }
      if (acc.sawDone()) {
        completed();
      }
    } catch (StreamErrorEventException e) {
      errors.keep(tag, e); // the OpenAI SDK throws its SseException; translate(e) finds this
    }
    out.writeUtf8("data: ").writeUtf8(passed).writeUtf8("\n\n");
    return true;
  }

  /** A chunk's {@code "error": null} (real gateways send it) taken out of the payload. */
  private static String withoutNullError(String data) {
    if (!data.contains("\"error\"") || !data.contains("null")) {
      return data;
    }
    try {
      JsonNode node = JSON.readTree(data);
      if (node instanceof ObjectNode && node.has("error") && node.get("error").isNull()) {
        ((ObjectNode) node).remove("error");
        return JSON.writeValueAsString(node);
      }
    } catch (IOException e) {
      // not JSON: the SDK reports it as it would
    }
    return data;
  }

  private TypedIOException typed(LlmGatewayException error) {
    ended = true;
    idle.close();
    errors.keep(tag, error);
    tell(error);
    return new TypedIOException(error);
  }

  /** The stream completed: its usage and its end, told once. */
  private void completed() {
    if (!told && acc.chunks() > 0) {
      TokenUsage usage = acc.usage();
      ctx.recordUsage(usage == null ? 0 : usage.totalTokens());
      ctx.reportUsage(model, usage, pricer.apply(model, usage));
      tell(null);
    }
  }

  private void tell(@Nullable Throwable error) {
    if (!told) {
      told = true;
      ctx.streamEnded(acc.chunks(), error);
    }
  }

  private CallTimeoutException idleTimeout() {
    return new CallTimeoutException(
        "stream idle timeout (" + millis(idleTimeout) + " between chunks) [" + provider.id() + "]",
        ErrorDetails.of(provider),
        CallTimeoutException.Kind.READ,
        null);
  }

  private UnexpectedResponseException tooLarge(SseReader.EventTooLargeException e) {
    return new UnexpectedResponseException(
        "stream event larger than the "
            + e.limit
            + "-byte limit (maxStreamEventSize); not read ["
            + provider.id()
            + "]",
        ErrorDetails.builder(provider).status(200).build(),
        e);
  }

  private static String millis(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void close() throws IOException {
    if (acc.isComplete()) {
      completed(); // the OpenAI SDK stops reading at [DONE]
    } else {
      tell(new java.util.concurrent.CancellationException("closed before its end"));
    }
    idle.close();
    upstream.close();
  }
}
