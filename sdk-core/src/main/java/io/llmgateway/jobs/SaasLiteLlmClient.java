package io.llmgateway.jobs;

import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.Provider;
import io.llmgateway.http.BoundedErrorBodyInterceptor;
import io.llmgateway.metrics.MetricsCollector;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.ResilientExecutor;
import io.llmgateway.retry.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The SaaS LiteLLM job client: every endpoint a team's virtual key can call, each through the
 * resilience pipeline (throttle, circuit breaker, retries, per-endpoint timeouts, metrics, redacted
 * logs). Built once with {@link #builder()}, thread-safe, meant to be shared.
 *
 * <p>What is retried: reads and job creation follow the SaaS guide (429, 500, 503, timeouts,
 * connection failures). Create-and-call is retried only when the request cannot have reached the
 * server, because a repeat would charge a second job. {@link #completeJob} is never retried
 * blindly: after an ambiguous failure it reads the job to decide (see {@link JobCompleter}).
 */
public final class SaasLiteLlmClient {
  private final String teamId;
  final ResilientExecutor executor;
  final JobsApi api;
  final JobsTransport transport;
  final OkHttpClient http;
  final okhttp3.HttpUrl baseUrl;
  final ErrorClassifier classifier;
  final SaasLiteLlmClientBuilder config;
  private final RetryPolicy nonIdempotent;
  private final JobCompleter completer;

  SaasLiteLlmClient(SaasLiteLlmClientBuilder b) {
    this.config = b;
    this.teamId = b.teamId;
    this.baseUrl = b.baseUrl;
    this.classifier = new ErrorClassifier(b.clock);
    OkHttpClient shared = b.okHttpClient != null ? b.okHttpClient : new OkHttpClient();
    // newBuilder() keeps the shared pool and dispatcher; our interceptors ride on top. OkHttp's
    // own silent retry is off: one retry loop per call, and a re-sent complete could charge twice.
    this.http =
        shared
            .newBuilder()
            .retryOnConnectionFailure(false)
            .addInterceptor(new VirtualKeyInterceptor(b.virtualKey))
            .addInterceptor(new BoundedErrorBodyInterceptor())
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
    this.api =
        new Retrofit.Builder()
            .baseUrl(b.baseUrl)
            .client(http)
            .addConverterFactory(MoshiConverterFactory.create(JsonAdapters.MOSHI))
            .build()
            .create(JobsApi.class);
    this.transport = new JobsTransport(classifier, b.clock);
    this.nonIdempotent = NonIdempotentRetries.of(b.retryPolicy);
    this.completer = new JobCompleter(this);
  }

  public static SaasLiteLlmClientBuilder builder() {
    return new SaasLiteLlmClientBuilder();
  }

  public String teamId() {
    return teamId;
  }

  /** Counts, failures by type, retries and latency percentiles per endpoint. */
  public MetricsCollector metrics() {
    return executor.metrics();
  }

  /** The same client as futures; see {@link SaasLiteLlmAsyncClient}. */
  public SaasLiteLlmAsyncClient async() {
    return new SaasLiteLlmAsyncClient(this, config.asyncExecutor);
  }

  /** {@code POST /api/jobs/create}. */
  public JobCreated createJob(JobSpec spec) {
    return call(
        Endpoint.JOBS_CREATE,
        CallOptions.defaults(),
        id -> api.createJob(id, spec.toWire(teamId, "metadata")),
        JobCreated.class);
  }

  /** {@code GET /api/jobs/{id}}. */
  public Job getJob(String jobId) {
    return call(Endpoint.JOBS_GET, CallOptions.defaults(), id -> api.getJob(id, jobId), Job.class);
  }

  /** {@code PATCH /api/jobs/{id}/metadata}: a shallow merge into the job's metadata. */
  public MetadataUpdate updateMetadata(String jobId, Map<String, Object> metadata) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("metadata", metadata);
    return call(
        Endpoint.of("jobs.metadata", "PATCH /api/jobs/{id}/metadata"),
        CallOptions.defaults(),
        id -> api.updateMetadata(id, jobId, body),
        MetadataUpdate.class);
  }

  /** {@code POST /api/jobs/{id}/llm-call}. */
  public LlmCallResult llmCall(String jobId, LlmCallRequest request) {
    return call(
        Endpoint.JOBS_LLM_CALL,
        optionsFor(request, null),
        id -> api.llmCall(id, jobId, request.toWire(true)),
        LlmCallResult.class);
  }

  /** {@code POST /api/jobs/{id}/llm-call-stream}: iterate the chunks, then close. */
  public CallStream llmCallStream(String jobId, LlmCallRequest request) {
    return new StreamOpener(this)
        .open(
            Endpoint.JOBS_LLM_CALL_STREAM,
            "api/jobs/" + jobId + "/llm-call-stream",
            request.toWire(false),
            request,
            false);
  }

  /**
   * {@code POST /api/jobs/{id}/complete}, exactly once: never retried blindly, because the server
   * charges again on a repeated complete. See {@link JobCompleter}.
   */
  public JobCompletion completeJob(String jobId, JobOutcome outcome) {
    return completer.complete(jobId, outcome);
  }

  /** {@code POST /api/jobs/create-and-call}: one call in a job that completes itself. */
  public SingleCallResult createAndCall(JobSpec spec, LlmCallRequest request) {
    Map<String, Object> body = spec.toWire(teamId, "job_metadata");
    body.putAll(request.toWire(false));
    return call(
        Endpoint.JOBS_CREATE_AND_CALL,
        optionsFor(request, nonIdempotent),
        id -> api.createAndCall(id, body),
        SingleCallResult.class);
  }

  /** {@code POST /api/jobs/create-and-call-stream}. */
  public CallStream createAndCallStream(JobSpec spec, LlmCallRequest request) {
    Map<String, Object> body = spec.toWire(teamId, "job_metadata");
    body.putAll(request.toWire(false));
    return new StreamOpener(this)
        .open(
            Endpoint.JOBS_CREATE_AND_CALL_STREAM,
            "api/jobs/create-and-call-stream",
            body,
            request,
            true);
  }

  /** {@code GET /api/jobs/{id}/costs}: provider cost per call, without markup. */
  public JobCostReport jobCosts(String jobId) {
    return call(
        Endpoint.of("jobs.costs", "GET /api/jobs/{id}/costs"),
        CallOptions.defaults(),
        id -> api.jobCosts(id, jobId),
        JobCostReport.class);
  }

  /** {@code GET /api/teams/{team}/jobs}, newest first; {@code status} null for all. */
  public TeamJobs teamJobs(
      int limit, int offset, @org.jspecify.annotations.Nullable JobStatus status) {
    // The server's filter only accepts UPPERCASE values; lowercase gives a 500.
    String filter = status == null ? null : status.value().toUpperCase(java.util.Locale.ROOT);
    return call(
        Endpoint.of("teams.jobs", "GET /api/teams/{id}/jobs"),
        CallOptions.defaults(),
        id -> api.teamJobs(id, teamId, limit, offset, filter),
        TeamJobs.class);
  }

  /** {@code GET /api/teams/{team}/usage?period=YYYY-MM}. */
  public TeamUsage teamUsage(String period) {
    return call(
        Endpoint.of("teams.usage", "GET /api/teams/{id}/usage"),
        CallOptions.defaults(),
        id -> api.teamUsage(id, teamId, period),
        TeamUsage.class);
  }

  /** {@code GET /api/credits/teams/{team}/balance}. */
  public CreditBalance creditBalance() {
    return call(
        Endpoint.of("credits.balance", "GET /api/credits/teams/{id}/balance"),
        CallOptions.defaults(),
        id -> api.creditBalance(id, teamId),
        CreditBalance.class);
  }

  /** {@code GET /api/credits/teams/{team}/transactions}, newest first. */
  public CreditTransactions creditTransactions(int limit) {
    return call(
        Endpoint.of("credits.transactions", "GET /api/credits/teams/{id}/transactions"),
        CallOptions.defaults(),
        id -> api.creditTransactions(id, teamId, limit),
        CreditTransactions.class);
  }

  /** {@code POST /api/credits/teams/{team}/check}: 200 either way, read {@code hasCredits()}. */
  public CreditCheck checkCredits(long creditsNeeded) {
    return call(
        Endpoint.of("credits.check", "POST /api/credits/teams/{id}/check"),
        CallOptions.defaults(),
        id -> api.checkCredits(id, teamId, creditsNeeded),
        CreditCheck.class);
  }

  /**
   * {@code GET /api/teams/{team}}: credits, status and model access (the key it echoes is dropped).
   */
  public TeamInfo team() {
    return call(
        Endpoint.of("teams.get", "GET /api/teams/{id}"),
        CallOptions.defaults(),
        id -> api.team(id, teamId),
        TeamInfo.class);
  }

  /** {@code GET /api/model-groups/{group}/resolve} (legacy model groups only). */
  public ModelGroupResolution resolveModelGroup(String groupName) {
    return call(
        Endpoint.of("model-groups.resolve", "GET /api/model-groups/{name}/resolve"),
        CallOptions.defaults(),
        id -> api.resolveModelGroup(id, groupName, teamId),
        ModelGroupResolution.class);
  }

  /** {@code GET /health}. */
  public Health health() {
    return call(
        Endpoint.of("health", "GET /health"), CallOptions.defaults(), api::health, Health.class);
  }

  /**
   * Runs {@code work} inside a new job and completes the job exactly once: {@code completed} when
   * the work returns, {@code failed} with the error's message when it throws (the exception is then
   * rethrown). Returns the work's value with the job's costs.
   */
  public <T extends @org.jspecify.annotations.Nullable Object> JobResult<T> runJob(
      JobSpec spec, JobWork<T> work) {
    return new JobRunner(this).run(spec, work);
  }

  /** Reads the team's status and credits to explain a 403 (the guide's manual check, built in). */
  public TeamDiagnosis diagnose(io.llmgateway.error.LlmGatewayException error) {
    return TeamDiagnosis.of(this, error);
  }

  <T> T call(
      Endpoint endpoint,
      CallOptions options,
      Function<String, Call<ResponseBody>> request,
      Class<T> type) {
    return executor.execute(endpoint, options, ctx -> transport.send(ctx, request, type));
  }

  private CallOptions optionsFor(
      LlmCallRequest request, @org.jspecify.annotations.Nullable RetryPolicy policy) {
    return CallOptions.builder().requestBytes(request.textLength()).retryPolicy(policy).build();
  }

  @Override
  public String toString() {
    return "SaasLiteLlmClient{baseUrl=" + baseUrl + ", teamId=" + teamId + ", key=[REDACTED]}";
  }
}
