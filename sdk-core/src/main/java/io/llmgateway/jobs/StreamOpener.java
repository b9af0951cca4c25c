package io.llmgateway.jobs;

import io.llmgateway.error.StreamInterruptedException;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.stream.StreamAccumulator;
import io.llmgateway.stream.StreamChunk;
import java.time.Duration;
import java.time.Instant;
import okhttp3.sse.EventSource;

/**
 * The blocking way to open a {@link StreamCall}: each attempt waits for the first chunk, and the
 * client's pipeline retries attempts as its policy says. Once a chunk arrived the stream belongs to
 * the caller and is never retried (a repeat would call, and bill, the model again).
 */
final class StreamOpener {
  private final SaasLiteLlmClient client;

  StreamOpener(SaasLiteLlmClient client) {
    this.client = client;
  }

  CallStream open(StreamCall call) {
    try {
      return client.executor.execute(call.endpoint(), call.options(), ctx -> attempt(call, ctx));
    } catch (io.llmgateway.error.PermissionDeniedException e) {
      throw TeamDiagnosis.enrich(client, call.endpoint(), e);
    }
  }

  private CallStream attempt(StreamCall call, AttemptContext ctx) {
    SseQueue queue = new SseQueue();
    EventSource source = call.start(ctx, queue);
    Instant deadline = client.config.clock.instant().plus(ctx.timeout());
    StreamAccumulator accumulator = call.newAccumulator();
    try {
      StreamChunk first = awaitFirstChunk(call, ctx, queue, accumulator, deadline);
      return new CallStream(
          source,
          queue,
          accumulator,
          client.classifier,
          client.config.clock,
          call.idleTimeout(),
          deadline,
          first);
    } catch (RuntimeException e) {
      source.cancel();
      throw e;
    }
  }

  private StreamChunk awaitFirstChunk(
      StreamCall call,
      AttemptContext ctx,
      SseQueue queue,
      StreamAccumulator accumulator,
      Instant deadline) {
    while (true) {
      Duration left = Duration.between(client.config.clock.instant(), deadline);
      SseQueue.Item item;
      try {
        item = left.isNegative() || left.isZero() ? null : queue.poll(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CallInterruptedException(ctx.requestId(), e);
      }
      if (item == null) {
        throw call.firstChunkTimeout();
      }
      switch (item.kind) {
        case OPEN:
          if (item.response != null) {
            call.opened(ctx, item.response);
          }
          break;
        case DATA:
          StreamChunk chunk = accumulator.accept(item.data == null ? "" : item.data);
          if (chunk != null) {
            return chunk;
          }
          if (accumulator.sawDone()) {
            throw emptyEnd(accumulator);
          }
          break;
        case FAILURE:
          throw call.failure(item.failure, item.response);
        case CLOSED:
          throw emptyEnd(accumulator);
        default:
          break;
      }
    }
  }

  private static StreamInterruptedException emptyEnd(StreamAccumulator accumulator) {
    return accumulator.interrupted("stream ended before any chunk", null);
  }
}
