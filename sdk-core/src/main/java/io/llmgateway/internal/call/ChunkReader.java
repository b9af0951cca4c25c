package io.llmgateway.internal.call;

import io.llmgateway.error.CallTimeoutException;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.internal.CallDeadlines;
import io.llmgateway.internal.stream.StreamAccumulator;
import io.llmgateway.pipeline.CallCanceledException;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.stream.StreamChunk;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Reads one stream's chunks, on whichever thread reads it, under three limits kept by one deadline:
 * the first chunk must come within the attempt's timeout (a failure before it is the attempt's, and
 * retried as the policy says); after it, each chunk within the idle timeout, and all of them within
 * the total timeout counted from the attempt's start. A stream that ends after a terminal signal
 * completed; any other end keeps the text in a {@link
 * io.llmgateway.error.StreamInterruptedException} whose cause says why. Not thread-safe.
 */
final class ChunkReader {
  /** The reasons of a stream's deadline after its first chunk. */
  enum Limit {
    IDLE,
    TOTAL
  }

  private final CallRuntime rt;
  private final SseReader events;
  private final StreamAccumulator acc;
  private final CallDeadlines.Deadline deadline;
  private final Duration idle;
  private final Duration total;
  private final long totalEndNanos;
  private final String requestId;
  private volatile boolean canceled;
  private boolean ended;

  ChunkReader(
      CallRuntime rt,
      okio.BufferedSource body,
      StreamAccumulator acc,
      CallDeadlines.Deadline deadline,
      Duration total,
      long startNanos,
      String requestId) {
    this.rt = rt;
    this.events = new SseReader(body, rt.maxEventBytes());
    this.acc = acc;
    this.deadline = deadline;
    this.idle = rt.streamIdleTimeout();
    this.total = total;
    this.totalEndNanos = startNanos + total.toNanos();
    this.requestId = requestId;
  }

  StreamAccumulator accumulator() {
    return acc;
  }

  /**
   * Reads up to the first chunk, inside the attempt: a transport failure or the attempt's timeout
   * propagates as the {@link IOException} it is (the call layer classifies and retries it).
   */
  StreamChunk first() throws IOException {
    while (true) {
      String data;
      try {
        data = events.next();
      } catch (SseReader.EventTooLargeException e) {
        throw tooLarge(e);
      }
      if (data == null) {
        throw new EOFException("stream ended before its first chunk");
      }
      StreamChunk chunk = acc.accept(data);
      if (chunk != null) {
        rearm();
        return chunk;
      }
      if (acc.sawDone()) {
        throw acc.interrupted("stream ended before any chunk", null);
      }
    }
  }

  /**
   * The next chunk, or null once the stream completed.
   *
   * @throws io.llmgateway.error.StreamInterruptedException cut, idle or past its total timeout
   * @throws io.llmgateway.error.StreamErrorEventException an error event
   * @throws CallInterruptedException the reading thread was interrupted
   * @throws CallCanceledException the stream was cancelled
   */
  @Nullable StreamChunk next() {
    if (ended) {
      return null;
    }
    try {
      while (true) {
        String data = events.next();
        if (data == null) {
          ended = true;
          acc.finish(); // throws when no terminal signal arrived
          return null;
        }
        StreamChunk chunk = acc.accept(data);
        if (chunk != null) {
          rearm();
          return chunk;
        }
      }
    } catch (IOException e) {
      ended = true;
      return afterCut(e);
    } catch (RuntimeException e) {
      ended = true;
      throw e;
    }
  }

  /** Marks the stream cancelled by its owner; the read it breaks ends with a cancellation. */
  void canceled() {
    canceled = true;
  }

  boolean isCanceled() {
    return canceled;
  }

  private @Nullable StreamChunk afterCut(IOException e) {
    if (deadline.interrupted()) {
      throw new CallInterruptedException(requestId, e);
    }
    if (canceled) {
      throw new CallCanceledException(requestId);
    }
    if (acc.isComplete()) {
      return null; // everything arrived ([DONE] or a finish reason); only the server's tail was
      // lost
    }
    if (e instanceof SseReader.EventTooLargeException) {
      throw acc.interrupted(
          "stream event too large", tooLarge((SseReader.EventTooLargeException) e));
    }
    if (deadline.expired()) {
      boolean idleRanOut = deadline.expiredReason() == Limit.IDLE;
      throw acc.interrupted(
          idleRanOut
              ? "no chunk for " + seconds(idle)
              : "total stream timeout of " + seconds(total) + " passed",
          timeout(idleRanOut));
    }
    LlmGatewayException cause = rt.classifier().classify(rt.provider(), e);
    throw acc.interrupted("stream cut", cause);
  }

  private void rearm() {
    long left = totalEndNanos - System.nanoTime();
    if (left <= idle.toNanos()) {
      deadline.rearm(Duration.ofNanos(Math.max(0, left)), Limit.TOTAL);
    } else {
      deadline.rearm(idle, Limit.IDLE);
    }
  }

  private CallTimeoutException timeout(boolean idleRanOut) {
    ErrorDetails details = ErrorDetails.builder(rt.provider()).requestId(requestId).build();
    String what =
        idleRanOut
            ? "stream idle timeout (" + seconds(idle) + " between chunks)"
            : "stream total timeout (" + seconds(total) + ")";
    return new CallTimeoutException(
        what + " [" + rt.provider().id() + "]",
        details,
        idleRanOut ? CallTimeoutException.Kind.READ : CallTimeoutException.Kind.TOTAL,
        null);
  }

  private UnexpectedResponseException tooLarge(SseReader.EventTooLargeException e) {
    ErrorDetails details = ErrorDetails.builder(rt.provider()).status(200).build();
    return new UnexpectedResponseException(
        "stream event larger than the "
            + e.limit
            + "-byte limit (maxStreamEventSize); not read ["
            + rt.provider().id()
            + "]",
        details,
        e);
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
