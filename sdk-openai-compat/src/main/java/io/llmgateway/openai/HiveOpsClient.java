package io.llmgateway.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.RequestOptions;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import io.llmgateway.cost.Cost;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.InvalidModelException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.StreamErrorEventException;
import io.llmgateway.http.HeaderLookup;
import io.llmgateway.logging.CallLogger;
import io.llmgateway.logging.HeaderLoggingInterceptor;
import io.llmgateway.openai.internal.CallScopeInterceptor;
import io.llmgateway.openai.internal.ConfigChecks;
import io.llmgateway.openai.internal.DropInErrors;
import io.llmgateway.openai.internal.ErrorTranslator;
import io.llmgateway.openai.internal.RequestRewriteInterceptor;
import io.llmgateway.openai.internal.ResponseCapture;
import io.llmgateway.openai.internal.ResponseCaptureInterceptor;
import io.llmgateway.openai.internal.ThrottleInterceptor;
import io.llmgateway.pipeline.AttemptContext;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.ResilientExecutor;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * HiveOps (or any OpenAI-compatible gateway) through the official OpenAI Java SDK. {@link
 * #openAi()} is a configured {@link OpenAIClient} for existing code; {@link #chat}, {@link
 * #stream}, {@link #checkBalance()} and {@link #models()} are the resilient facade, every call
 * going through sdk-core's {@link ResilientExecutor}. Thread-safe; build once and share.
 */
public final class HiveOpsClient implements AutoCloseable {
  private final OpenAIClient openAi;
  private final ResilientExecutor executor;
  private final ErrorTranslator errors;
  private final ModelMapping mapping;
  private final PriceTable prices;
  private final Clock clock;
  private final HttpUrl baseUrl;
  // Ours to close only when we created it: a caller's client (and its pool and threads) stays
  // theirs.
  private final @Nullable OkHttpClient ownHttp;
  private final DropInErrors dropIns = new DropInErrors();
  private final RequestRewriteInterceptor rewrite;
  // Whether facade calls may be rewritten before the SDK serialises them. Not when a caller's
  // client has interceptors of its own: they run before ours and see the request as the SDK
  // built it, unmapped.
  private final boolean prepareParams;
  final BalanceProbe balance;
  final ModelCatalog catalog;
  private final HiveOpsCalls calls;

  HiveOpsClient(HiveOpsClientBuilder b) {
    String key = b.apiKey != null ? b.apiKey : b.environment.apply(HiveOpsClientBuilder.KEY_ENV);
    if (key == null) {
      throw new IllegalStateException(
          "no HiveOps API key: set apiKey(...) or " + HiveOpsClientBuilder.KEY_ENV);
    }
    key = ConfigChecks.apiKey(key.trim());
    this.baseUrl =
        ConfigChecks.baseUrl(b.baseUrl, b.pathPrefix, b.allowInsecureHttp, b.allowOpenAiHost);
    Provider provider = b.provider;
    if (provider == null) {
      String host = baseUrl.host().toLowerCase(Locale.ROOT);
      provider =
          host.equals("hiveops.io") || host.endsWith(".hiveops.io")
              ? Provider.HIVEOPS
              : Provider.OPENAI_COMPATIBLE;
    }
    this.clock = b.clock;
    this.mapping = b.modelMapping;
    this.prices = b.prices;
    var limiter = b.rateLimiterOrDefault();
    OkHttpClient shared = b.okHttpClient != null ? b.okHttpClient : new OkHttpClient();
    this.ownHttp = b.okHttpClient == null ? shared : null;
    this.prepareParams = shared.interceptors().isEmpty();
    // First in the chain: non-blocking attempts (calls()) get their capture before the throttle.
    CallScopeInterceptor scopes = new CallScopeInterceptor();
    this.rewrite = new RequestRewriteInterceptor(b.modelMapping, b.maxTokens);
    OkHttpClient.Builder http =
        shared
            .newBuilder()
            .retryOnConnectionFailure(false) // one retry loop: ours
            .addInterceptor(scopes)
            .addInterceptor(rewrite)
            .addInterceptor(new ThrottleInterceptor(limiter, b.clock, b.sleeper))
            .addInterceptor(new ResponseCaptureInterceptor(limiter, b.clock, dropIns))
            .addNetworkInterceptor(new HeaderLoggingInterceptor(CallLogger.ofDefaults()));
    for (Interceptor i : b.interceptors) {
      http.addInterceptor(i);
    }
    this.openAi =
        OpenAIOkHttpClient.builder()
            .okHttpClient(http.build())
            .baseUrl(baseUrl.toString())
            .apiKey(key)
            .maxRetries(0)
            .disableTelemetry(true)
            .build();
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
    this.errors = new ErrorTranslator(provider, new ErrorClassifier(b.clock));
    this.balance = new BalanceProbe(this, b.probeModel, b.balanceTtl, b.balanceGuard, b.clock);
    this.catalog = new ModelCatalog(this, b.modelsTtl, b.clock);
    this.calls = new HiveOpsCalls(this, scopes, b);
  }

  public static HiveOpsClientBuilder builder() {
    return new HiveOpsClientBuilder();
  }

  /**
   * The drop-in client: same base URL, key, mapping, guard and interceptors, the SDK's retries and
   * telemetry off. Its calls wait for room in the shared throttle and feed it their rate-limit
   * headers, but are not retried by us and fail with the SDK's own exceptions.
   */
  public OpenAIClient openAi() {
    return openAi;
  }

  /** The executor every facade call goes through (metrics, breakers, throttle). */
  public ResilientExecutor executor() {
    return executor;
  }

  public Provider provider() {
    return errors.provider();
  }

  /** The base URL the SDK calls, path prefix included. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  public ModelMapping modelMapping() {
    return mapping;
  }

  public PriceTable prices() {
    return prices;
  }

  /** The facade's calls one attempt at a time, without blocking, for other loops (coroutines). */
  public HiveOpsCalls calls() {
    return calls;
  }

  /** One chat completion, retried, throttled and priced. Blocking. */
  public ChatResult chat(ChatCompletionCreateParams params) {
    return chat(params, CallOptions.defaults());
  }

  public ChatResult chat(ChatCompletionCreateParams params, CallOptions options) {
    balance.guard();
    return send(params, options);
  }

  /** The chat call without the balance guard; the probe uses it. */
  ChatResult send(ChatCompletionCreateParams params, CallOptions options) {
    String model = mapping.map(params.model().asString());
    // Mapped and guarded here, once per call, rather than re-parsed on the wire at every attempt.
    ChatCompletionCreateParams prepared = prepare(params);
    ChatCompletionCreateParams sent = prepared != null ? prepared : params;
    boolean isPrepared = prepared != null;
    try {
      return executor.execute(
          Endpoint.CHAT_COMPLETIONS, options, ctx -> attempt(ctx, sent, isPrepared, model));
    } catch (RuntimeException e) {
      throw afterFailure(e, model);
    }
  }

  /**
   * {@code params} with the wire rewrite's rules applied, or null when the wire rewrite must do it
   * (a caller's interceptors would see the difference, or the params are not plain; see {@link
   * RequestRewriteInterceptor#prepare}).
   */
  @Nullable ChatCompletionCreateParams prepare(ChatCompletionCreateParams params) {
    return prepareParams ? rewrite.prepare(params) : null;
  }

  private ChatResult attempt(
      AttemptContext ctx, ChatCompletionCreateParams params, boolean prepared, String model) {
    try (ResponseCapture capture = ResponseCapture.open()) {
      if (prepared) {
        capture.markRequestPrepared();
      }
      ChatCompletion completion;
      try {
        completion = openAi.chat().completions().create(params, requestOptions(ctx));
      } catch (RuntimeException e) {
        throw errors.translate(e, capture);
      }
      return chatResult(ctx, completion, model, capture);
    }
  }

  /** The answer to one chat attempt; its usage corrects the throttle's estimate. */
  ChatResult chatResult(
      AttemptContext ctx, ChatCompletion completion, String model, ResponseCapture capture) {
    String answered = completion.model().isEmpty() ? model : completion.model();
    TokenUsage usage = completion.usage().map(HiveOpsClient::usage).orElse(null);
    if (usage != null) {
      ctx.recordUsage(usage.totalTokens());
    }
    return new ChatResult(
        completion, answered, usage, costOf(answered, usage), snapshot(capture), ctx.requestId());
  }

  /**
   * Streams one chat completion, handing each text delta to {@code onDelta} as it arrives. Retried
   * only before the first chunk. Blocking.
   *
   * @throws io.llmgateway.error.StreamInterruptedException when the stream ends without a finish
   *     reason; it carries the partial text
   * @throws io.llmgateway.error.StreamErrorEventException for an error event inside the stream
   */
  public StreamResult stream(ChatCompletionCreateParams params, Consumer<String> onDelta) {
    return stream(params, CallOptions.defaults(), onDelta);
  }

  public StreamResult stream(
      ChatCompletionCreateParams params, CallOptions options, Consumer<String> onDelta) {
    balance.guard();
    String model = mapping.map(params.model().asString());
    try {
      return executor.execute(
          Endpoint.CHAT_COMPLETIONS_STREAM,
          options,
          ctx -> new StreamRun(this, ctx, model).run(params, onDelta));
    } catch (RuntimeException e) {
      throw afterFailure(e, model);
    }
  }

  /**
   * The typed error for an exception the drop-in {@link #openAi()} client threw, from any thread
   * (an async call's {@code CompletionException} is unwrapped). It classifies the raw error body
   * our interceptor kept for that response (the newest 64 drop-in error responses, up to 1 MiB, are
   * kept; an older one falls back to what the SDK parsed), and has the facade's follow-ups: {@link
   * InsufficientCreditsException} marks the balance empty, {@link InvalidModelException} lists the
   * valid ids (from {@code /models}, cached). Other exceptions are returned as they are, wrapped in
   * nothing.
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
    return afterFailure(typed, "");
  }

  /** The guide's balance probe, cached for the TTL. Never throws for a gateway answer. */
  public BalanceCheck checkBalance() {
    return balance.check();
  }

  /** Model ids the gateway accepts, from {@code /models}, cached for the TTL. */
  public List<String> models() {
    return catalog.models();
  }

  /**
   * Closes the drop-in client. Releases the connection pool and dispatcher threads only when this
   * client created them; an {@code okHttpClient(...)} you passed stays open and usable.
   */
  @Override
  public void close() {
    openAi.close(); // the SDK borrowed our OkHttpClient, so this releases nothing of it
    if (ownHttp != null) {
      ownHttp.dispatcher().executorService().shutdown();
      ownHttp.connectionPool().evictAll();
    }
  }

  // --- shared with StreamRun, BalanceProbe and ModelCatalog ---

  OpenAIClient sdk() {
    return openAi;
  }

  ErrorTranslator errors() {
    return errors;
  }

  Clock clock() {
    return clock;
  }

  static RequestOptions requestOptions(AttemptContext ctx) {
    return RequestOptions.builder().timeout(ctx.timeout()).build();
  }

  RateLimitSnapshot snapshot(ResponseCapture capture) {
    if (capture.status() == 0) {
      return RateLimitSnapshot.EMPTY;
    }
    RateLimitSnapshot read = capture.rateLimit(); // read once, when the response arrived
    return read != null
        ? read
        : RateLimitSnapshot.parse(HeaderLookup.of(capture.headers()), clock.instant());
  }

  static TokenUsage usage(CompletionUsage u) {
    return new TokenUsage(u.promptTokens(), u.completionTokens(), u.totalTokens());
  }

  Cost costOf(String model, @Nullable TokenUsage usage) {
    return usage == null ? Cost.UNKNOWN : prices.costOf(model, usage);
  }

  /** An empty balance reported as an error event inside a 200 stream. */
  private static boolean isBalanceEvent(RuntimeException e) {
    if (!(e instanceof StreamErrorEventException)) {
      return false;
    }
    StreamErrorEventException s = (StreamErrorEventException) e;
    return "insufficient_balance".equals(s.code())
        || "insufficient_quota".equals(s.code())
        || "insufficient_quota".equals(s.type());
  }

  private RuntimeException afterFailure(RuntimeException e, String model) {
    return afterFailure(
        e, model, e instanceof InvalidModelException ? catalog.modelsQuietly() : List.of());
  }

  /** {@code valid}: the gateway's models, fetched by the caller's loop, for an invalid model. */
  RuntimeException afterFailure(RuntimeException e, String model, List<String> valid) {
    if (e instanceof InsufficientCreditsException || isBalanceEvent(e)) {
      balance.markInsufficient((LlmGatewayException) e);
    }
    if (e instanceof InvalidModelException) {
      InvalidModelException m = (InvalidModelException) e;
      String rejected = m.model().isEmpty() ? model : m.model();
      return new InvalidModelException(
          m.getMessage() + (valid.isEmpty() ? "" : "; valid models: " + String.join(", ", valid)),
          m.details(),
          rejected,
          valid);
    }
    return e;
  }
}
