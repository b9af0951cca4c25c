package io.llmgateway.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmgateway.cost.Cost;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.UnexpectedResponseException;
import io.llmgateway.internal.call.AttemptContext;
import io.llmgateway.internal.call.CallContext;
import io.llmgateway.internal.call.CallDriver;
import io.llmgateway.internal.call.ResilientExecutor;
import io.llmgateway.pipeline.CallInterruptedException;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's pipeline for the drop-in {@code OpenAIClient}, at the HTTP layer: each request the
 * OpenAI SDK sends (sync, async or streaming; its own retries are off) runs through the same
 * throttle, circuit breaker, retry policy, per-endpoint timeouts, listener events, metrics and logs
 * as the facade, with the same {@code CallDriver} deciding. An error status is classified once,
 * here: retried as the policy says, or handed to the SDK (its body bounded and redacted, so no key
 * a server echoes reaches the SDK's exception) with the typed error kept for {@code translate(e)}.
 * A stream is retried until its first chunk and read by the SDK's own SSE reading ({@link
 * DropInStream}); a success body is read whole (no further than the size limit) inside the attempt,
 * so a body cut mid-way is retried too.
 */
public final class DropInPipeline implements Interceptor {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResilientExecutor executor;
  private final ErrorClassifier classifier;
  private final DropInErrors errors;
  private final Duration idleTimeout;
  private final long maxResponseBytes;
  private final int maxEventBytes;
  private final BiFunction<String, @Nullable TokenUsage, Cost> pricer;

  public DropInPipeline(
      ResilientExecutor executor,
      ErrorClassifier classifier,
      DropInErrors errors,
      Duration idleTimeout,
      long maxResponseBytes,
      int maxEventBytes,
      BiFunction<String, @Nullable TokenUsage, Cost> pricer) {
    this.pricer = pricer;
    this.executor = executor;
    this.classifier = classifier;
    this.errors = errors;
    this.idleTimeout = idleTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.maxEventBytes = maxEventBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean stream = DropInRequest.isStream(request);
    Endpoint endpoint = endpointOf(request, stream);
    RequestBody body = request.body();
    long bytes = body == null ? 0 : body.contentLength();
    CallDriver driver =
        CallDriver.start(executor, endpoint, CallOptions.builder().requestBytes(bytes).build());
    Provider provider = executor.provider();
    while (true) {
      CallDriver.Step step;
      try {
        step = driver.next();
      } catch (LlmGatewayException refused) {
        throw new TypedIOException(refused); // throttled past the deadline, circuit open, too late
      }
      if (step.isWait()) {
        pause(step, driver);
        continue;
      }
      AttemptContext ctx = step.context();
      Response response;
      try {
        response =
            timed(chain, ctx)
                .proceed(
                    request
                        .newBuilder()
                        .header(CallContext.REQUEST_ID_HEADER, ctx.requestId())
                        .build());
      } catch (IOException e) {
        if (chain.call().isCanceled()) {
          throw driver.aborted(e); // the caller cancelled: not a gateway failure
        }
        pause(failed(driver, classifier.classify(provider, e), null), driver);
        continue;
      }
      if (!response.isSuccessful()) {
        LlmGatewayException error = classifier.classify(provider, response); // reads, closes
        CallDriver.Step retry = failed(driver, error, response);
        if (retry == null) {
          return errorResponse(response, error);
        }
        pause(retry, driver);
        continue;
      }
      RateLimitSnapshot snapshot =
          RateLimitSnapshot.parse(response.headers(), executor.clock().instant());
      if (!snapshot.isEmpty()) {
        ctx.observe(snapshot);
      }
      if (!stream) {
        Response read;
        try {
          read = readWhole(response, ctx, DropInRequest.model(request));
        } catch (TypedIOException e) {
          throw driver.aborted(e); // over the size limit: not the gateway's failure to retry
        } catch (IOException e) {
          pause(failed(driver, classifier.classify(provider, e), null), driver);
          continue; // a body cut mid-way: a transport failure, retried as the policy says
        }
        driver.succeeded(read);
        return read;
      }
      String tag = errors.reserve();
      ResponseBody streamBody = response.body();
      DropInStream source =
          new DropInStream(
              streamBody.source(),
              maxEventBytes,
              provider,
              classifier,
              errors,
              tag,
              chain.call(),
              idleTimeout,
              ctx,
              DropInRequest.model(request),
              pricer);
      try {
        source.readFirstChunk();
      } catch (TypedIOException e) {
        response.close();
        CallDriver.Step retry = failed(driver, e.error(), null);
        pause(retry, driver);
        continue;
      } catch (IOException e) {
        response.close();
        if (chain.call().isCanceled()) {
          throw driver.aborted(e);
        }
        pause(failed(driver, classifier.classify(provider, e), null), driver);
        continue;
      }
      driver.succeeded(response);
      return response
          .newBuilder()
          .header(DropInErrors.HEADER, tag)
          .body(ResponseBody.create(Okio.buffer(source), streamBody.contentType(), -1))
          .build();
    }
  }

  /** The attempt's error: the wait before the next attempt, or null (the call ends with it). */
  private CallDriver.@Nullable Step failed(
      CallDriver driver, LlmGatewayException error, @Nullable Response response)
      throws IOException {
    try {
      return driver.failed(error);
    } catch (LlmGatewayException end) {
      if (response != null && end == error) {
        return null; // the SDK gets the response and throws its own exception for it
      }
      throw new TypedIOException(end);
    }
  }

  private void pause(CallDriver.@Nullable Step step, CallDriver driver) throws IOException {
    if (step == null) {
      return;
    }
    if (!step.delay().isZero()) {
      try {
        executor.sleeper().sleep(step.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        driver.cancelled(new CallInterruptedException(driver.call().requestId(), e));
        InterruptedIOException io = new InterruptedIOException("interrupted while waiting");
        io.initCause(e);
        throw io;
      }
    }
    driver.waited(step);
  }

  /** The SDK's own limits replaced by the attempt's: its timeout bounds each read and write. */
  private static Chain timed(Chain chain, AttemptContext ctx) {
    int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, ctx.timeout().toMillis()));
    return chain
        .withReadTimeout(ms, TimeUnit.MILLISECONDS)
        .withWriteTimeout(ms, TimeUnit.MILLISECONDS)
        .withConnectTimeout(Math.min(ms, chain.connectTimeoutMillis()), TimeUnit.MILLISECONDS);
  }

  /** The error response the SDK reads: bounded, redacted, tagged with its typed error. */
  private Response errorResponse(Response response, LlmGatewayException error) {
    MediaType type = response.body() == null ? JSON_TYPE : response.body().contentType();
    return response
        .newBuilder()
        .header(DropInErrors.HEADER, errors.keep(error))
        .body(ResponseBody.create(error.rawBody(), type != null ? type : JSON_TYPE))
        .build();
  }

  /**
   * A success body read whole inside the attempt (a cut body is then retried like any transport
   * failure), no further than the size limit, its usage told to the listeners; the SDK reads it
   * from memory.
   */
  private Response readWhole(Response response, AttemptContext ctx, String model)
      throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    Buffer bytes = new Buffer();
    try (body) {
      BufferedSource source = body.source();
      if (source.request(maxResponseBytes + 1)) {
        throw new TypedIOException(tooLarge(response.code()));
      }
      source.readAll(bytes);
    }
    reportUsage(bytes, ctx, model);
    return response
        .newBuilder()
        .body(ResponseBody.create(bytes, body.contentType(), bytes.size()))
        .build();
  }

  private UnexpectedResponseException tooLarge(int status) {
    Provider provider = executor.provider();
    return new UnexpectedResponseException(
        "HTTP "
            + status
            + " answer is larger than the "
            + maxResponseBytes
            + "-byte limit (maxResponseSize); not read ["
            + provider.id()
            + "]",
        ErrorDetails.builder(provider).status(status).build(),
        null);
  }

  /** The usage a chat answer reports, for the throttle and the listeners (best effort). */
  private void reportUsage(Buffer bytes, AttemptContext ctx, String model) {
    if (!ctx.endpoint().equals(Endpoint.CHAT_COMPLETIONS)) {
      return;
    }
    try {
      JsonNode root = JSON.readTree(bytes.peek().inputStream());
      JsonNode u = root.path("usage");
      TokenUsage usage =
          u.isObject()
              ? new TokenUsage(
                  u.path("prompt_tokens").asLong(),
                  u.path("completion_tokens").asLong(),
                  u.path("total_tokens").asLong())
              : null;
      String answered = root.path("model").asText(model);
      if (usage != null) {
        ctx.recordUsage(usage.totalTokens());
      }
      ctx.reportUsage(answered, usage, pricer.apply(answered, usage));
    } catch (IOException | RuntimeException e) {
      // Not JSON: the SDK reports that; usage is a best effort.
    }
  }

  private static Endpoint endpointOf(Request request, boolean stream) {
    String path = request.url().encodedPath();
    if (path.endsWith("/chat/completions")) {
      return stream ? Endpoint.CHAT_COMPLETIONS_STREAM : Endpoint.CHAT_COMPLETIONS;
    }
    if (path.endsWith("/models") && "GET".equals(request.method())) {
      return Endpoint.MODELS;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return Endpoint.of("openai." + last.toLowerCase(Locale.ROOT), request.method() + " " + path);
  }
}
