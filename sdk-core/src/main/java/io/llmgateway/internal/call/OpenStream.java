package io.llmgateway.internal.call;

import io.llmgateway.pipeline.CallCanceledException;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.stream.StreamListener;
import io.llmgateway.stream.StreamResult;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A stream past its first chunk: read by the caller's iteration ({@link ChunkStream}) or pushed to
 * a {@link StreamListener} on the thread that opened it. Either way the same {@link ChunkReader}
 * reads it, so both styles end a stream alike.
 */
final class OpenStream implements ChunkStream {
  private final AttemptIo.OpenExchange exchange;
  private final ChunkReader reader;
  private final StreamSpec spec;
  private final AttemptContext ctx;
  private final RateLimitSnapshot rateLimit;
  private final CallHooks hooks;
  private @Nullable StreamChunk first;
  private @Nullable StreamResult result;
  private boolean iterated;
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicBoolean told =
      new java.util.concurrent.atomic.AtomicBoolean();

  OpenStream(
      AttemptIo.OpenExchange exchange,
      ChunkReader reader,
      StreamSpec spec,
      AttemptContext ctx,
      RateLimitSnapshot rateLimit,
      CallHooks hooks,
      StreamChunk first) {
    this.hooks = hooks;
    this.exchange = exchange;
    this.reader = reader;
    this.spec = spec;
    this.ctx = ctx;
    this.rateLimit = rateLimit;
    this.first = first;
  }

  @Override
  public Iterator<StreamChunk> iterator() {
    if (iterated) {
      throw new IllegalStateException("a stream can be iterated once");
    }
    iterated = true;
    return new Iterator<>() {
      private @Nullable StreamChunk next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = read();
        }
        return next != null;
      }

      @Override
      public StreamChunk next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        StreamChunk chunk = next;
        next = null;
        return chunk;
      }
    };
  }

  /** The next chunk, or null at the end (after which the result is known). */
  private @Nullable StreamChunk read() {
    if (first != null) {
      StreamChunk chunk = first;
      first = null;
      return chunk;
    }
    if (closed && result == null) {
      if (reader.isCanceled()) {
        throw new CallCanceledException(ctx.requestId());
      }
      return null; // closed by its reader: the end
    }
    StreamChunk chunk;
    try {
      chunk = reader.next();
    } catch (RuntimeException e) {
      ended(e);
      close();
      UnaryOperator<RuntimeException> mapping = hooks.afterFailure();
      throw mapping == null ? e : mapping.apply(e); // an error event may say the balance is empty
    } catch (Error e) {
      ended(e);
      close();
      throw e;
    }
    if (chunk == null) {
      finish();
    }
    return chunk;
  }

  private void finish() {
    if (result == null) {
      StreamResult r = spec.result(reader.accumulator(), ctx, rateLimit);
      result = r;
      if (r.usage() != null) {
        ctx.recordUsage(r.usage().totalTokens()); // corrects the throttle's estimate
      }
      ctx.reportUsage(r.model(), r.usage(), r.cost());
      ended(null);
    }
    close();
  }

  /** Tells the listeners once how the stream ended. */
  private void ended(@Nullable Throwable error) {
    if (told.compareAndSet(false, true)) {
      ctx.streamEnded(reader.accumulator().chunks(), error);
    }
  }

  /** Pushes every chunk to {@code listener} on this thread, then the end. */
  void pump(StreamListener listener) {
    StreamResult done;
    try {
      for (StreamChunk chunk : this) {
        listener.onChunk(chunk);
      }
      done = result();
    } catch (RuntimeException | Error e) {
      close();
      listener.onFailure(e);
      return;
    }
    listener.onComplete(done);
  }

  @Override
  public String readText() {
    for (StreamChunk ignored : this) {
      // the accumulator keeps the text
    }
    return reader.accumulator().text();
  }

  @Override
  public String textSoFar() {
    return reader.accumulator().text();
  }

  @Override
  public StreamResult result() {
    StreamResult r = result;
    if (r == null) {
      throw new IllegalStateException("the stream has not completed: iterate it first");
    }
    return r;
  }

  /** Stops the stream from any thread; a read it breaks ends with a cancellation. */
  void cancel() {
    reader.canceled();
    close();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (result == null) {
        ended(new java.util.concurrent.CancellationException("closed before its end"));
      }
      exchange.cancel();
      exchange.close();
    }
  }
}
