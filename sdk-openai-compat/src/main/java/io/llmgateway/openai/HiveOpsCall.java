package io.llmgateway.openai;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.openai.internal.CallScope;
import io.llmgateway.openai.internal.CallScopeInterceptor;
import io.llmgateway.openai.internal.ResponseCapture;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One request of the facade, ready for a loop that does not block: {@link #send} starts one attempt
 * through the OpenAI SDK's async client and returns its answer as a future. The request goes
 * through the same mapping and interceptors as a blocking one, and the answer through the same
 * error translation, pricing and rate-limit capture. Get one from {@link HiveOpsCalls}.
 */
public final class HiveOpsCall<T> {
  /** Starts the SDK's request; {@code scope} goes into the request's scope header. */
  interface Request<R> {
    CompletableFuture<R> start(AttemptContext ctx, String scope);
  }

  /** Turns the SDK's answer into the facade's. */
  interface Answer<R, T> {
    T answer(AttemptContext ctx, R response, ResponseCapture capture);
  }

  private final Endpoint endpoint;
  private final CallOptions options;
  private final String model;
  private final Sender<T> sender;

  private interface Sender<T> {
    CompletableFuture<T> send(AttemptContext ctx);
  }

  private HiveOpsCall(Endpoint endpoint, CallOptions options, String model, Sender<T> sender) {
    this.endpoint = endpoint;
    this.options = options;
    this.model = model;
    this.sender = sender;
  }

  /**
   * {@code requestPrepared}: the facade rewrote the params already (model mapped, guard applied).
   */
  static <R, T> HiveOpsCall<T> of(
      HiveOpsClient client,
      CallScopeInterceptor scopes,
      Endpoint endpoint,
      CallOptions options,
      String model,
      boolean requestPrepared,
      Request<R> request,
      Answer<R, T> answer) {
    return new HiveOpsCall<>(
        endpoint,
        options,
        model,
        ctx -> attempt(client, scopes.open(requestPrepared), ctx, request, answer));
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public CallOptions options() {
    return options;
  }

  /** The gateway model id (after mapping); empty for calls without a model. */
  public String model() {
    return model;
  }

  /**
   * Sends one attempt without blocking. The future completes with the answer or with the typed
   * {@link LlmGatewayException}; cancelling it cancels the HTTP call.
   */
  public CompletableFuture<T> send(AttemptContext ctx) {
    return sender.send(ctx);
  }

  private static <R, T> CompletableFuture<T> attempt(
      HiveOpsClient client,
      CallScope scope,
      AttemptContext ctx,
      Request<R> request,
      Answer<R, T> answer) {
    CompletableFuture<T> out = new CompletableFuture<>();
    out.whenComplete(
        (value, error) -> {
          if (out.isCancelled()) {
            scope.cancel();
          }
        });
    CompletableFuture<R> sent;
    try {
      sent = request.start(ctx, scope.id());
    } catch (RuntimeException e) {
      scope.close();
      complete(out, () -> fail(client, e, scope));
      return out;
    }
    sent.whenComplete(
        (response, error) -> {
          scope.close();
          complete(
              out,
              () ->
                  error != null
                      ? fail(client, error, scope)
                      : answer.answer(ctx, response, scope.capture()));
        });
    return out;
  }

  private static <T> void complete(CompletableFuture<T> out, Supplier<T> outcome) {
    try {
      out.complete(outcome.get());
    } catch (RuntimeException | Error e) {
      // Thrown here, it would be lost in the SDK's future and leave the caller waiting.
      out.completeExceptionally(e);
    }
  }

  /** Throws the typed error for what the SDK's future failed with. */
  static <T> T fail(HiveOpsClient client, Throwable error, CallScope scope) {
    Throwable e = unwrap(error);
    if (e instanceof RuntimeException) {
      throw client.errors().translate((RuntimeException) e, scope.capture());
    }
    throw new CompletionException(e);
  }

  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  @Override
  public String toString() {
    return "HiveOpsCall{" + endpoint + "}";
  }
}
