package io.llmgateway.internal.call;

import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.stream.StreamListener;
import io.llmgateway.stream.StreamResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A streaming request as a {@link GatewayCall}: the call's answer is the open {@link ChunkStream},
 * once its first chunk arrived (everything before it is retried as the policy says; nothing after
 * it ever is). {@link #stream} pushes the chunks to a listener without blocking. Cancelling stops
 * the opening and an open stream alike.
 */
public final class StreamingCall implements GatewayCall<ChunkStream> {
  private final RetryingCall<OpenStream> opening;
  private final CallRuntime rt;
  private final CallOptions options;
  private final StreamSpec spec;
  private final CallHooks hooks;
  private volatile @Nullable OpenStream open;
  private volatile boolean canceled;

  public StreamingCall(
      CallRuntime rt, Endpoint endpoint, CallOptions options, StreamSpec spec, CallHooks hooks) {
    this.rt = rt;
    this.options = options;
    this.spec = spec;
    this.hooks = hooks;
    this.opening = new RetryingCall<>(rt, endpoint, options, new StreamAttempt(spec, hooks), hooks);
  }

  @Override
  public ChunkStream execute() {
    return opened(opening.execute());
  }

  @Override
  public void enqueue(Callback<? super ChunkStream> callback) {
    opening.enqueue(
        new Callback<OpenStream>() {
          @Override
          public void onSuccess(OpenStream stream) {
            callback.onSuccess(opened(stream));
          }

          @Override
          public void onFailure(Throwable error) {
            callback.onFailure(error);
          }
        });
  }

  /**
   * Sends the call without blocking and pushes every chunk to {@code listener}, then the end, on
   * the thread that reads the stream (an OkHttp thread). {@link #cancel()} stops it at any point.
   */
  public void stream(StreamListener listener) {
    opening.enqueue(
        new Callback<OpenStream>() {
          @Override
          public void onSuccess(OpenStream stream) {
            opened(stream).pump(listener);
          }

          @Override
          public void onFailure(Throwable error) {
            listener.onFailure(error);
          }
        });
  }

  /**
   * {@link #stream} as a future of the stream's result: {@code onChunk} hears each chunk on the
   * reading thread; cancelling the future cancels the call.
   */
  public CompletableFuture<StreamResult> streamed(Consumer<StreamChunk> onChunk) {
    CompletableFuture<StreamResult> result =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            StreamingCall.this.cancel();
            return cancelled;
          }
        };
    stream(
        new StreamListener() {
          @Override
          public void onChunk(StreamChunk chunk) {
            onChunk.accept(chunk);
          }

          @Override
          public void onComplete(StreamResult done) {
            result.complete(done);
          }

          @Override
          public void onFailure(Throwable error) {
            result.completeExceptionally(error);
          }
        });
    return result;
  }

  @Override
  public CompletableFuture<ChunkStream> future() {
    CompletableFuture<ChunkStream> future =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            StreamingCall.this.cancel();
            return cancelled;
          }
        };
    enqueue(
        new Callback<ChunkStream>() {
          @Override
          public void onSuccess(ChunkStream stream) {
            if (!future.complete(stream)) {
              stream.close(); // cancelled meanwhile: nobody will read it
            }
          }

          @Override
          public void onFailure(Throwable error) {
            future.completeExceptionally(error);
          }
        });
    return future;
  }

  private OpenStream opened(OpenStream stream) {
    open = stream;
    if (canceled) {
      stream.cancel();
    }
    return stream;
  }

  @Override
  public void cancel() {
    canceled = true;
    opening.cancel();
    OpenStream s = open;
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public boolean isCanceled() {
    return canceled;
  }

  @Override
  public boolean isExecuted() {
    return opening.isExecuted();
  }

  @Override
  public StreamingCall copy() {
    return new StreamingCall(rt, opening.endpoint(), options, spec, hooks);
  }

  @Override
  public Endpoint endpoint() {
    return opening.endpoint();
  }

  public CallOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "StreamingCall{" + opening.endpoint() + "}";
  }
}
