package io.llmgateway.jobs;

import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.internal.CallDeadlines;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * One request of the job client, ready for any loop to send: the blocking loop of {@link
 * SaasLiteLlmClient} calls {@link #execute}; a non-blocking loop (sdk-coroutines) enqueues {@link
 * #newCall} and hands the answer to {@link #handle}. Both share the request building, the error
 * classification and the parsing, so they answer alike.
 */
public final class JobCall<T> {
  private final SaasLiteLlmClient client;
  private final Endpoint endpoint;
  private final CallOptions options;
  private final Function<String, Request> request;
  private final JobsTransport.Reader<T> reader;
  private final @Nullable ToLongFunction<T> tokensUsed;

  /** {@code request} builds an attempt's request from its client request id. */
  JobCall(
      SaasLiteLlmClient client,
      Endpoint endpoint,
      CallOptions options,
      Function<String, Request> request,
      Type type,
      @Nullable ToLongFunction<T> tokensUsed) {
    this.client = client;
    this.endpoint = endpoint;
    this.options = options;
    this.request = request;
    this.reader = JobsTransport.reader(type);
    this.tokensUsed = tokensUsed;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** The options of this call (its retry policy for endpoints that charge, its size). */
  public CallOptions options() {
    return options;
  }

  /** A fresh OkHttp call for one attempt: its request id and its timeout set. */
  public okhttp3.Call newCall(AttemptContext ctx) {
    okhttp3.Call call = client.http.newCall(request.apply(ctx.requestId()));
    call.timeout().timeout(ctx.timeout().toMillis(), TimeUnit.MILLISECONDS);
    return call;
  }

  /**
   * Turns one attempt's response into the value, or throws the typed error. Closes the response.
   */
  public T handle(Response response, AttemptContext ctx) {
    return handle(response, ctx, null);
  }

  private T handle(Response response, AttemptContext ctx, CallDeadlines.@Nullable Deadline d) {
    T value = client.transport.handle(response, ctx, reader, d);
    if (tokensUsed != null) {
      // The throttle reserved an estimate from the request size; correct it with what was used.
      ctx.recordUsage(tokensUsed.applyAsLong(value));
    }
    return value;
  }

  /** The typed error for an attempt that got no response. */
  public LlmGatewayException failure(Throwable failure) {
    return client.classifier.classify(io.llmgateway.error.Provider.SAAS_LITELLM, failure);
  }

  /**
   * Sends one attempt and blocks for its answer. The attempt's timeout covers the call and the
   * reading of the answer, as OkHttp's call timeout would (see {@link CallDeadlines} for why it is
   * not OkHttp's).
   */
  public T execute(AttemptContext ctx) {
    okhttp3.Call call;
    try {
      call = client.http.newCall(request.apply(ctx.requestId()));
    } catch (RuntimeException e) {
      throw failure(e); // a request that cannot be built (a path value, a body value) fails here
    }
    try (CallDeadlines.Deadline d = CallDeadlines.shared().start(call, ctx.timeout())) {
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw failure(d.explain(e));
      } catch (RuntimeException e) {
        throw failure(e);
      }
      return handle(response, ctx, d);
    }
  }

  /** Runs the call through the client's blocking pipeline. */
  T run() {
    try {
      return client.executor.execute(endpoint, options, this::execute);
    } catch (io.llmgateway.error.PermissionDeniedException e) {
      throw TeamDiagnosis.enrich(client, endpoint, e);
    }
  }

  @Override
  public String toString() {
    return "JobCall{" + endpoint + "}";
  }
}
