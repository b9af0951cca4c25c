package io.llmgateway.jobs;

import io.llmgateway.error.CallTimeoutException;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.stream.StreamAccumulator;
import io.llmgateway.stream.StreamChunk;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import okhttp3.sse.EventSource;
import org.jspecify.annotations.Nullable;

/**
 * An open LLM stream. Iterate it for chunks (once), then read {@link #summary()}; close it to stop
 * early (the connection is cancelled). Iteration ends normally only when the stream completed (a
 * terminal signal arrived and the server ended the body); a cut, an idle gap longer than the idle
 * timeout or the total stream timeout raise {@link io.llmgateway.error.StreamInterruptedException}
 * with the text received so far, and an error event raises {@link
 * io.llmgateway.error.StreamErrorEventException}. Not thread-safe: one reader.
 */
public final class CallStream implements AutoCloseable, Iterable<StreamChunk> {
  private final EventSource source;
  private final SseQueue queue;
  private final StreamAccumulator accumulator;
  private final ErrorClassifier classifier;
  private final Clock clock;
  private final Duration idleTimeout;
  private final Instant deadline;
  private final ArrayDeque<StreamChunk> ready = new ArrayDeque<>();
  private boolean ended;
  private boolean closed;
  private boolean iterated;

  CallStream(
      EventSource source,
      SseQueue queue,
      StreamAccumulator accumulator,
      ErrorClassifier classifier,
      Clock clock,
      Duration idleTimeout,
      Instant deadline,
      StreamChunk first) {
    this.source = source;
    this.queue = queue;
    this.accumulator = accumulator;
    this.classifier = classifier;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.deadline = deadline;
    ready.add(first);
  }

  @Override
  public Iterator<StreamChunk> iterator() {
    if (iterated) {
      throw new IllegalStateException("a CallStream can be iterated once");
    }
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return advance();
      }

      @Override
      public StreamChunk next() {
        if (!advance()) {
          throw new NoSuchElementException();
        }
        return ready.remove();
      }
    };
  }

  /** Reads the rest of the stream and returns all its text. */
  public String readText() {
    for (StreamChunk ignored : this) {
      // accumulated as it goes
    }
    return accumulator.text();
  }

  /** The text received so far. */
  public String textSoFar() {
    return accumulator.text();
  }

  /**
   * What the completed stream delivered.
   *
   * @throws IllegalStateException before the stream has ended
   */
  public StreamSummary summary() {
    if (!ended) {
      throw new IllegalStateException("the stream has not ended yet: iterate it first");
    }
    return new StreamSummary(
        accumulator.text(), accumulator.chunks(), accumulator.finishReason(), accumulator.usage());
  }

  /** Stops reading and cancels the connection. Safe to call more than once. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      source.cancel();
    }
  }

  // Pulls items until a chunk is ready or the stream ends; throws on a bad end.
  private boolean advance() {
    while (ready.isEmpty()) {
      if (ended || closed) {
        return false;
      }
      SseQueue.Item item = next();
      if (item == null) {
        continue; // timed out after completion: ended, nothing more to read
      }
      switch (item.kind) {
        case DATA:
          StreamChunk chunk = accept(item.data == null ? "" : item.data);
          if (chunk != null) {
            ready.add(chunk);
          }
          break;
        case CLOSED:
          ended = true;
          closed = true;
          accumulator.finish();
          return false;
        case FAILURE:
          fail(transportError(item.failure), "stream cut");
          break;
        default:
          break;
      }
    }
    return true;
  }

  private @Nullable StreamChunk accept(String data) {
    try {
      return accumulator.accept(data);
    } catch (LlmGatewayException e) {
      close();
      ended = true;
      throw e;
    }
  }

  private SseQueue.@Nullable Item next() {
    Instant now = clock.instant();
    Duration total = Duration.between(now, deadline);
    // After [DONE] the server still has bookkeeping to do before EOF; wait for it the same way.
    Duration wait = total.compareTo(idleTimeout) < 0 ? total : idleTimeout;
    SseQueue.Item item;
    try {
      item = wait.isNegative() || wait.isZero() ? null : queue.poll(wait);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new CallInterruptedException("stream", e);
    }
    if (item == null) {
      boolean idle = total.compareTo(idleTimeout) > 0;
      CallTimeoutException timeout =
          new CallTimeoutException(
              (idle ? "idle timeout" : "total stream timeout") + " [saas-litellm]",
              ErrorDetails.of(Provider.SAAS_LITELLM),
              idle ? CallTimeoutException.Kind.READ : CallTimeoutException.Kind.TOTAL,
              null);
      fail(
          timeout,
          idle ? "no chunk for " + idleTimeout.toMillis() + " ms" : "total stream timeout");
    }
    return item;
  }

  private LlmGatewayException transportError(@Nullable Throwable failure) {
    if (failure == null) {
      return classifier.classify(Provider.SAAS_LITELLM, new IOException("stream failed"));
    }
    return classifier.classify(Provider.SAAS_LITELLM, failure);
  }

  private void fail(LlmGatewayException cause, String reason) {
    close();
    ended = true;
    if (accumulator.isComplete()) {
      // Everything arrived ([DONE] or a finish reason); only the server's tail was lost.
      return;
    }
    throw accumulator.interrupted(reason, cause);
  }
}
