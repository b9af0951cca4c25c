package io.llmgateway.internal.call;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Java 8's CompletableFuture, for Android API 24, with what later JDKs added to it. */
public final class Futures {
  private Futures() {}

  /** A future already failed with {@code error} ({@code CompletableFuture.failedFuture}). */
  public static <T> CompletableFuture<T> failed(Throwable error) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(error);
    return f;
  }

  /** Completes {@code done} after {@code delay} on the SDK's timer, run on its step pool. */
  static void completeAfter(Duration delay, CompletableFuture<Void> done) {
    AsyncEnv.timer()
        .schedule(
            () -> AsyncEnv.steps().execute(() -> done.complete(null)),
            delay.toNanos(),
            TimeUnit.NANOSECONDS);
  }
}
