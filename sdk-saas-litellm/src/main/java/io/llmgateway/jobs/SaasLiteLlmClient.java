package io.llmgateway.jobs;

import io.llmgateway.cost.PriceTable;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.PermissionDeniedException;
import io.llmgateway.error.Provider;
import io.llmgateway.internal.call.CallRuntime;
import io.llmgateway.internal.call.ChainedCall;
import io.llmgateway.internal.call.GatewayCall;
import io.llmgateway.internal.call.HttpClients;
import io.llmgateway.internal.call.ResilientExecutor;
import io.llmgateway.internal.http.BoundedErrorBodyInterceptor;
import io.llmgateway.internal.http.HeaderLoggingInterceptor;
import io.llmgateway.logging.CallLogger;
import io.llmgateway.metrics.MetricsCollector;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.stream.ChunkStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * The SaaS LiteLLM job client: every endpoint a team's virtual key can call, each through the
 * resilience pipeline (throttle, circuit breaker, retries, per-endpoint timeouts, metrics, redacted
 * logs). Built once with {@link #builder()}, thread-safe, meant to be shared.
 *
 * <p>What is retried: reads and job creation follow the SaaS guide (429, 500, 503, timeouts,
 * connection failures). Create-and-call is retried only when the request cannot have reached the
 * server, because a repeat would charge a second job. {@link #completeJob} is never retried
 * blindly: after an ambiguous failure it reads the job to decide (see {@link JobCompletionCall}).
 *
 * <p>Timeouts: the per-endpoint timeouts of {@link io.llmgateway.pipeline.Timeouts} and each call's
 * deadline end calls, whatever the timeouts of an OkHttpClient given to the builder (OkHttp's own
 * read, write and call timeouts are turned off on the client's copy of it).
 *
 * <p>On a 403 (suspended or paused team, no credits, no model access), {@link #diagnose} reads the
 * team's status and credits; with {@code diagnoseForbidden(true)} on the builder every 403 carries
 * that diagnosis already ({@link TeamDiagnosis#attachedTo}).
 */
public final class SaasLiteLlmClient implements AutoCloseable {
  private final String teamId;
  private final ResilientExecutor executor;
  final OkHttpClient http; // read by this package's tests
  private final okhttp3.HttpUrl baseUrl;
  final SaasLiteLlmClientBuilder config;
  private final JobCalls calls;
  private final @org.jspecify.annotations.Nullable AliasPriceCache aliasPrices;
  private final boolean ownsHttp;

  SaasLiteLlmClient(SaasLiteLlmClientBuilder b) {
    this.config = b;
    this.teamId = b.teamId;
    this.baseUrl = b.baseUrl;
    ErrorClassifier classifier = new ErrorClassifier(b.clock);
    this.ownsHttp = b.okHttpClient == null;
    // The app's client keeps its pool and dispatcher; our settings and interceptors ride on a copy.
    this.http =
        HttpClients.derive(b.okHttpClient, b.timeouts.connectTimeout())
            .addInterceptor(new VirtualKeyInterceptor(b.virtualKey))
            .addInterceptor(new BoundedErrorBodyInterceptor())
            .addNetworkInterceptor(new HeaderLoggingInterceptor(CallLogger.ofDefaults()))
            .build();
    ResilientExecutor.Builder exec =
        ResilientExecutor.builder()
            .provider(Provider.SAAS_LITELLM)
            .retryPolicy(b.retryPolicy)
            .timeouts(b.timeouts)
            .circuitBreakers(b.circuitBreakers)
            .rateLimiter(b.rateLimiter)
            .clock(b.clock)
            .sleeper(b.sleeper);
    b.listeners.forEach(exec::listener);
    this.executor = exec.build();
    CallRuntime runtime =
        new CallRuntime(
            Provider.SAAS_LITELLM,
            http,
            executor,
            classifier,
            b.maxResponseBytes,
            b.maxStreamEventBytes,
            b.streamIdleTimeout);
    java.time.Duration grace =
        b.completionGrace != null
            ? b.completionGrace
            : b.timeouts.timeoutFor(Endpoint.JOBS_COMPLETE);
    this.calls =
        new JobCalls(
            runtime,
            JobsRoutes.create(b.baseUrl),
            teamId,
            b.retryPolicy,
            b.priceTable,
            grace,
            this::afterFailure);
    this.aliasPrices =
        b.aliasPricesMaxAge == null
            ? null
            : new AliasPriceCache(calls, b.sleeper, b.clock, b.aliasPricesMaxAge);
  }

  public static SaasLiteLlmClientBuilder builder() {
    return new SaasLiteLlmClientBuilder();
  }

  public String teamId() {
    return teamId;
  }

  /**
   * The pipeline every call of this client goes through; shared with other loops (sdk-coroutines).
   */
  public ResilientExecutor executor() {
    return executor;
  }

  /** Counts, failures by type, retries and latency percentiles per endpoint. */
  public MetricsCollector metrics() {
    return executor.metrics();
  }

  /**
   * Releases the dispatcher threads and pooled connections of the OkHttpClient this client made for
   * itself. An OkHttpClient given to the builder is left alone: it belongs to the app, which may
   * share it. Optional (the client's own threads are daemons, idle connections expire after a
   * minute); streams and async calls started after it fail with a connection error.
   */
  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The same client as futures; see {@link SaasLiteLlmAsyncClient}. */
  public SaasLiteLlmAsyncClient async() {
    return new SaasLiteLlmAsyncClient(this, config.asyncExecutor);
  }

  /** {@code POST /api/jobs/create}. */
  public JobCreated createJob(JobSpec spec) {
    return calls.createJob(spec).execute();
  }

  /** {@code GET /api/jobs/{id}}. */
  public Job getJob(String jobId) {
    return calls.getJob(jobId).execute();
  }

  /** {@code PATCH /api/jobs/{id}/metadata}: a shallow merge into the job's metadata. */
  public MetadataUpdate updateMetadata(String jobId, Map<String, Object> metadata) {
    return calls.updateMetadata(jobId, metadata).execute();
  }

  /** {@code POST /api/jobs/{id}/llm-call}. */
  public LlmCallResult llmCall(String jobId, LlmCallRequest request) {
    return calls.llmCall(jobId, request).execute();
  }

  /** {@code POST /api/jobs/{id}/llm-call-stream}: iterate the chunks, then close. */
  public ChunkStream llmCallStream(String jobId, LlmCallRequest request) {
    return calls.llmCallStream(jobId, request).execute();
  }

  /**
   * {@code POST /api/jobs/{id}/complete}, exactly once: never sent again unless the first provably
   * did nothing, because the server charges again on a repeated complete. See {@link
   * JobCompletionCall}.
   *
   * @throws io.llmgateway.error.CompletionUnknownException when the complete may have landed and
   *     reading the job back within the grace period could not tell
   */
  public JobCompletion completeJob(String jobId, JobOutcome outcome) {
    return calls.completeJob(jobId, outcome).execute();
  }

  /** {@code POST /api/jobs/create-and-call}: one call in a job that completes itself. */
  public SingleCallResult createAndCall(JobSpec spec, LlmCallRequest request) {
    return calls.createAndCall(spec, request).execute();
  }

  /** {@code POST /api/jobs/create-and-call-stream}. */
  public ChunkStream createAndCallStream(JobSpec spec, LlmCallRequest request) {
    return calls.createAndCallStream(spec, request).execute();
  }

  /** {@code GET /api/jobs/{id}/costs}: provider cost per call, without markup. */
  public JobCostReport jobCosts(String jobId) {
    return calls.jobCosts(jobId).execute();
  }

  /** {@code GET /api/teams/{team}/jobs}, newest first; {@code status} null for all. */
  public TeamJobs teamJobs(
      int limit, int offset, @org.jspecify.annotations.Nullable JobStatus status) {
    return calls.teamJobs(limit, offset, status).execute();
  }

  /** {@code GET /api/teams/{team}/usage?period=YYYY-MM}. */
  public TeamUsage teamUsage(String period) {
    return calls.teamUsage(period).execute();
  }

  /** {@code GET /api/credits/teams/{team}/balance}. */
  public CreditBalance creditBalance() {
    return calls.creditBalance().execute();
  }

  /** {@code GET /api/credits/teams/{team}/transactions}, newest first. */
  public CreditTransactions creditTransactions(int limit) {
    return calls.creditTransactions(limit).execute();
  }

  /** {@code POST /api/credits/teams/{team}/check}: 200 either way, read {@code hasCredits()}. */
  public CreditCheck checkCredits(long creditsNeeded) {
    return calls.checkCredits(creditsNeeded).execute();
  }

  /**
   * {@code GET /api/teams/{team}}: credits, status and model access (the key it echoes is dropped).
   */
  public TeamInfo team() {
    return calls.team().execute();
  }

  /** {@code GET /api/model-groups/{group}/resolve} (legacy model groups only). */
  public ModelGroupResolution resolveModelGroup(String groupName) {
    return calls.resolveModelGroup(groupName).execute();
  }

  /** {@code GET /api/models}: every model alias with its prices (the server needs no key here). */
  public java.util.List<ModelAlias> models() {
    return calls.models().execute();
  }

  /** {@code GET /api/models/{alias}}; 404 {@code Model alias '...' not found} when unknown. */
  public ModelAlias model(String alias) {
    return calls.model(alias).execute();
  }

  /**
   * The prices the job ledger uses: the builder's {@code priceTable} over the alias prices from
   * {@code GET /api/models} when {@code loadAliasPrices} is on (loaded on first use, then cached).
   */
  public io.llmgateway.cost.PriceTable priceTable() {
    return pricesCall().execute();
  }

  GatewayCall<PriceTable> pricesCall() {
    PriceTable own = config.priceTable;
    if (aliasPrices == null) {
      return new ChainedCall<>(
          JobCalls.MODEL_ALIASES, config.sleeper, chain -> CompletableFuture.completedFuture(own));
    }
    GatewayCall<PriceTable> alias = aliasPrices.get();
    return new ChainedCall<>(
        JobCalls.MODEL_ALIASES,
        config.sleeper,
        chain -> chain.send(alias).thenApply(table -> table.with(own)));
  }

  GatewayCall<TeamDiagnosis> diagnosisCall(LlmGatewayException error) {
    return TeamDiagnosis.read(calls, config.sleeper, error);
  }

  /** Creates a job and reads the prices its ledger uses: the start of every job style. */
  ChainedCall<JobRun> startJob(JobSpec spec) {
    return JobRun.start(calls, config.sleeper, spec, pricesCall());
  }

  /** {@code GET /health}. */
  public Health health() {
    return calls.health().execute();
  }

  /**
   * Runs {@code work} inside a new job and completes the job exactly once: {@code completed} when
   * the work returns, {@code failed} with the error's message when it throws (the exception is then
   * rethrown), {@code failed} too when the thread is interrupted while the complete waits to be
   * sent again. Returns the work's value with the job's costs.
   */
  public <T extends @org.jspecify.annotations.Nullable Object> JobResult<T> runJob(
      JobSpec spec, JobWork<T> work) {
    return new JobRunner(this).run(spec, work);
  }

  /**
   * Explains an error, typically a 403, from the team's own record ({@code GET /api/teams/{id}},
   * which answers even for a suspended or paused team): status, credits left, and what to do. The
   * guide's manual check, built in. Returns the diagnosis already attached by {@code
   * diagnoseForbidden(true)} without a second request.
   */
  public TeamDiagnosis diagnose(LlmGatewayException error) {
    TeamDiagnosis attached = TeamDiagnosis.attachedTo(error);
    return attached != null ? attached : diagnosisCall(error).execute();
  }

  /** Every request as a {@link io.llmgateway.internal.call.GatewayCall}, for other call styles. */
  public JobCalls calls() {
    return calls;
  }

  private RuntimeException afterFailure(Endpoint endpoint, RuntimeException e) {
    return e instanceof PermissionDeniedException
        ? TeamDiagnosis.enrich(this, endpoint, (PermissionDeniedException) e)
        : e;
  }

  @Override
  public String toString() {
    return "SaasLiteLlmClient{baseUrl=" + baseUrl + ", teamId=" + teamId + ", key=[REDACTED]}";
  }
}
