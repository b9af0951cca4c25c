package io.llmgateway.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.internal.call.CallRuntime;
import io.llmgateway.internal.call.HttpClients;
import io.llmgateway.internal.call.ResilientExecutor;
import io.llmgateway.internal.http.HeaderLoggingInterceptor;
import io.llmgateway.logging.CallLogger;
import io.llmgateway.openai.internal.ChatBodies;
import io.llmgateway.openai.internal.ConfigChecks;
import io.llmgateway.openai.internal.DropInErrors;
import io.llmgateway.openai.internal.DropInPipeline;
import io.llmgateway.openai.internal.ErrorTranslator;
import io.llmgateway.openai.internal.RequestRewriteInterceptor;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.stream.ChunkStream;
import io.llmgateway.stream.StreamChunk;
import io.llmgateway.stream.StreamResult;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * HiveOps (or any OpenAI-compatible gateway) with the OpenAI Java SDK's types. {@link #chat},
 * {@link #stream}, {@link #checkBalance()} and {@link #models()} are the resilient facade: the
 * SDK's params in, the SDK's {@code ChatCompletion} out, every request sent by this SDK's own call
 * layer (throttle, circuit breaker, retries, per-endpoint timeouts, typed errors, its own stream
 * reading). {@link #openAi()} is a configured {@link OpenAIClient} for existing code. Thread-safe;
 * build once and share.
 */
public final class HiveOpsClient implements AutoCloseable {
  // Built on first use: a facade-only app never loads the OpenAI SDK's client (measured: most of
  // the cold start of a first chat call).
  private final Supplier<OpenAIClient> dropIn;
  private volatile @Nullable OpenAIClient openAi;
  private final ResilientExecutor executor;
  private final ErrorTranslator errors;
  private final ModelMapping mapping;
  private final PriceTable prices;
  private final HttpUrl baseUrl;
  // Ours to close only when we created it: a caller's client (and its pool and threads) stays
  // theirs.
  private final @Nullable OkHttpClient ownHttp;
  private final DropInErrors dropIns = new DropInErrors();
  private final HiveOpsCalls calls;

  HiveOpsClient(HiveOpsClientBuilder b) {
    String key = b.apiKey != null ? b.apiKey : b.environment.apply(HiveOpsClientBuilder.KEY_ENV);
    if (key == null) {
      throw new IllegalStateException(
          "no HiveOps API key: set apiKey(...) or " + HiveOpsClientBuilder.KEY_ENV);
    }
    key = ConfigChecks.apiKey(key.trim());
    this.baseUrl =
        ConfigChecks.baseUrl(
            b.resolvedBaseUrl(), b.pathPrefix, b.allowInsecureHttp, b.allowOpenAiHost);
    Provider provider = b.provider;
    if (provider == null) {
      String host = baseUrl.host().toLowerCase(Locale.ROOT);
      provider =
          host.equals("hiveops.io") || host.endsWith(".hiveops.io")
              ? Provider.HIVEOPS
              : Provider.OPENAI_COMPATIBLE;
    }
    this.mapping = b.modelMapping;
    this.prices = b.prices;
    var limiter = b.rateLimiterOrDefault();
    ChatBodies bodies = new ChatBodies(b.modelMapping, b.maxTokens);
    OkHttpClient.Builder facadeHttp =
        HttpClients.derive(b.okHttpClient, b.timeouts.connectTimeout());
    for (Interceptor i : b.interceptors) {
      facadeHttp.addInterceptor(i);
    }
    OkHttpClient http =
        facadeHttp
            .addNetworkInterceptor(new HeaderLoggingInterceptor(CallLogger.ofDefaults()))
            .build();
    this.ownHttp = b.okHttpClient == null ? http : null;
    ResilientExecutor.Builder x =
        ResilientExecutor.builder()
            .provider(provider)
            .retryPolicy(b.retryPolicy)
            .rateLimiter(limiter)
            .timeouts(b.timeouts)
            .circuitBreakers(b.circuitBreakers)
            .clock(b.clock)
            .sleeper(b.sleeper);
    b.listeners.forEach(x::listener);
    this.executor = x.build();
    ErrorClassifier classifier = new ErrorClassifier(b.clock);
    this.errors = new ErrorTranslator(provider, classifier);
    CallRuntime runtime =
        new CallRuntime(
            provider,
            http,
            executor,
            classifier,
            b.maxResponseBytes,
            b.maxStreamEventBytes,
            b.streamIdleTimeout);
    Pricing pricing = new Pricing(b.prices);
    this.calls = new HiveOpsCalls(runtime, new HiveOpsRequests(baseUrl, key, bodies), pricing, b);
    // The drop-in client shares the pool and dispatcher; its requests get the facade's rules and
    // go through the same pipeline (the OpenAI SDK's own retries are off).
    OkHttpClient dropInHttp =
        http.newBuilder()
            .addInterceptor(new RequestRewriteInterceptor(bodies))
            .addInterceptor(
                new DropInPipeline(
                    executor,
                    classifier,
                    dropIns,
                    b.streamIdleTimeout,
                    b.maxResponseBytes,
                    b.maxStreamEventBytes,
                    pricing::costOf))
            .build();
    String dropInKey = key;
    this.dropIn =
        () ->
            OpenAIOkHttpClient.builder()
                .okHttpClient(dropInHttp)
                .baseUrl(baseUrl.toString())
                .apiKey(dropInKey)
                .maxRetries(0)
                .disableTelemetry(true)
                .build();
  }

  public static HiveOpsClientBuilder builder() {
    return new HiveOpsClientBuilder();
  }

  /**
   * The drop-in client: same base URL, key, model mapping and {@code max_tokens} guard, and the
   * same pipeline as the facade under it at the HTTP layer (throttle, circuit breaker, retries with
   * Retry-After, per-endpoint timeouts, listener events, metrics, redacted logs); the OpenAI SDK's
   * own retries and telemetry are off. Its calls fail with the SDK's own exceptions, whose message
   * never holds a key the server echoed; {@link #translate} gives the typed error. A stream that
   * ends without {@code [DONE]} or a finish reason fails instead of ending quietly.
   */
  public OpenAIClient openAi() {
    OpenAIClient client = openAi;
    if (client == null) {
      synchronized (this) {
        client = openAi;
        if (client == null) {
          client = dropIn.get();
          openAi = client;
        }
      }
    }
    return client;
  }

  /** The executor every facade call goes through (metrics, breakers, throttle). */
  public ResilientExecutor executor() {
    return executor;
  }

  public Provider provider() {
    return errors.provider();
  }

  /** The base URL requests go to, path prefix included. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  public ModelMapping modelMapping() {
    return mapping;
  }

  public PriceTable prices() {
    return prices;
  }

  /** Every facade request as a call object, for other call styles (futures, coroutines). */
  public HiveOpsCalls calls() {
    return calls;
  }

  /** The same facade as futures; see {@link HiveOpsAsyncClient}. */
  public HiveOpsAsyncClient async() {
    return new HiveOpsAsyncClient(calls);
  }

  /** One chat completion, retried, throttled and priced. Blocking. */
  public ChatResult chat(ChatCompletionCreateParams params) {
    return chat(params, CallOptions.defaults());
  }

  public ChatResult chat(ChatCompletionCreateParams params, CallOptions options) {
    return calls.chat(params, options).execute();
  }

  /**
   * Streams one chat completion, handing each text delta to {@code onDelta} as it arrives. Retried
   * only before the first chunk. Blocking.
   *
   * @throws io.llmgateway.error.StreamInterruptedException when the stream ends without a finish
   *     reason or {@code [DONE]}, stays idle past the idle timeout or outlives its total timeout;
   *     it carries the partial text
   * @throws io.llmgateway.error.StreamErrorEventException for an error event inside the stream
   */
  public StreamResult stream(ChatCompletionCreateParams params, Consumer<String> onDelta) {
    return stream(params, CallOptions.defaults(), onDelta);
  }

  public StreamResult stream(
      ChatCompletionCreateParams params, CallOptions options, Consumer<String> onDelta) {
    try (ChunkStream stream = calls.stream(params, options).execute()) {
      for (StreamChunk chunk : stream) {
        if (!chunk.textDelta().isEmpty()) {
          onDelta.accept(chunk.textDelta());
        }
      }
      return stream.result();
    }
  }

  /**
   * The typed error for an exception the drop-in {@link #openAi()} client threw, from any thread
   * (an async call's {@code CompletionException} is unwrapped): the one the pipeline classified
   * (the newest 64 drop-in errors are kept; an older one is classified from what the SDK parsed),
   * with the facade's follow-ups: {@link io.llmgateway.error.InsufficientCreditsException} marks
   * the balance empty, {@link io.llmgateway.error.InvalidModelException} lists the valid ids (from
   * {@code /models}, cached). Other exceptions are returned as they are, wrapped in nothing.
   */
  public RuntimeException translate(RuntimeException e) {
    RuntimeException sdk =
        e instanceof CompletionException && e.getCause() instanceof RuntimeException
            ? (RuntimeException) e.getCause()
            : e;
    LlmGatewayException typed;
    try {
      typed = errors.translate(sdk, dropIns.find(sdk));
    } catch (RuntimeException notOurs) {
      return notOurs;
    }
    return calls.afterFailure(typed, "");
  }

  /** The guide's balance probe, cached for the TTL. Never throws for a gateway answer. */
  public BalanceCheck checkBalance() {
    return calls.checkBalance().execute();
  }

  /** Model ids the gateway accepts, from {@code /models}, cached for the TTL. */
  public List<String> models() {
    return calls.models().execute();
  }

  /**
   * Closes the drop-in client. Releases the connection pool and dispatcher threads only when this
   * client created them; an {@code okHttpClient(...)} you passed stays open and usable.
   */
  @Override
  public void close() {
    OpenAIClient client = openAi;
    if (client != null) {
      client.close(); // the SDK borrowed our OkHttpClient, so this releases nothing of it
    }
    if (ownHttp != null) {
      ownHttp.dispatcher().executorService().shutdown();
      ownHttp.connectionPool().evictAll();
    }
  }
}
