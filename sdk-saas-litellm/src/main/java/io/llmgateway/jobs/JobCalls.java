package io.llmgateway.jobs;

import com.squareup.moshi.Types;
import io.llmgateway.cost.PriceTable;
import io.llmgateway.internal.call.CallHooks;
import io.llmgateway.internal.call.CallRuntime;
import io.llmgateway.internal.call.GatewayCall;
import io.llmgateway.internal.call.RetryingCall;
import io.llmgateway.internal.call.StreamingCall;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.retry.RetryPolicy;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Every request of the job client as a {@link GatewayCall}, written once: the client's blocking
 * methods {@code execute()} these, its futures are their {@code future()}, and sdk-coroutines
 * {@code await()}s them.
 */
final class JobCalls {
  private static final CallOptions SINGLE_SEND =
      CallOptions.builder().retryPolicy(RetryPolicy.none()).build();

  /** {@code GET /api/teams/{id}}: the unauthenticated team record a 403 diagnosis reads. */
  static final Endpoint TEAMS_GET = Endpoint.of("teams.get", "GET /api/teams/{id}");

  static final Endpoint MODEL_ALIASES = Endpoint.of("models.aliases", "GET /api/models");
  static final Endpoint JOBS_COSTS = Endpoint.of("jobs.costs", "GET /api/jobs/{id}/costs");

  private static final Type MODEL_LIST = Types.newParameterizedType(List.class, ModelAlias.class);

  private final CallRuntime rt;
  private final JobsRoutes api;
  private final String teamId;
  private final RetryPolicy nonIdempotent;
  private final PriceTable prices;
  private final BiFunction<Endpoint, RuntimeException, RuntimeException> afterFailure;
  private final JobCompletionCall completions;

  JobCalls(
      CallRuntime rt,
      JobsRoutes api,
      String teamId,
      RetryPolicy policy,
      PriceTable prices,
      java.time.Duration completionGrace,
      BiFunction<Endpoint, RuntimeException, RuntimeException> afterFailure) {
    this.rt = rt;
    this.api = api;
    this.teamId = teamId;
    this.nonIdempotent = NonIdempotentRetries.of(policy);
    this.prices = prices;
    this.afterFailure = afterFailure;
    this.completions = new JobCompletionCall(this, rt, policy, completionGrace);
  }

  public GatewayCall<JobCreated> createJob(JobSpec spec) {
    JsonBodies.Lazy body = JsonBodies.lazy(spec.toWire(teamId, "metadata"));
    return call(
        Endpoint.JOBS_CREATE,
        CallOptions.defaults(),
        JobCreated.class,
        id -> api.createJob(id, body.get()).request());
  }

  public GatewayCall<Job> getJob(String jobId) {
    return call(
        Endpoint.JOBS_GET,
        CallOptions.defaults(),
        Job.class,
        id -> api.getJob(id, jobId).request());
  }

  public GatewayCall<MetadataUpdate> updateMetadata(String jobId, Map<String, Object> metadata) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("metadata", metadata);
    JsonBodies.Lazy body = JsonBodies.lazy(wire);
    return call(
        Endpoint.of("jobs.metadata", "PATCH /api/jobs/{id}/metadata"),
        CallOptions.defaults(),
        MetadataUpdate.class,
        id -> api.updateMetadata(id, jobId, body.get()).request());
  }

  public GatewayCall<LlmCallResult> llmCall(String jobId, LlmCallRequest request) {
    JsonBodies.Lazy body = JsonBodies.lazy(w -> request.writeJson(w, true));
    return call(
        Endpoint.JOBS_LLM_CALL,
        sized(request, null),
        LlmCallResult.class,
        id -> api.llmCall(id, jobId, body.get()).request(),
        LlmCallResult::tokensUsed);
  }

  /**
   * {@code POST /api/jobs/{id}/complete}, exactly once (see {@link JobCompletionCall}): sent again
   * only when the last send provably did nothing; after an ambiguous failure the job is read back.
   */
  public GatewayCall<JobCompletion> completeJob(String jobId, JobOutcome outcome) {
    return completions.complete(jobId, outcome, null);
  }

  /**
   * {@link #completeJob}, and when the call is cancelled before complete could land, the job is
   * completed with {@code onCancel} instead, once (a job scope's {@code failed}, say).
   */
  public GatewayCall<JobCompletion> completeJob(
      String jobId, JobOutcome outcome, JobOutcome onCancel) {
    return completions.complete(jobId, outcome, onCancel);
  }

  /**
   * One send of complete, never retried by the loop: {@link JobCompletionCall} decides what follows
   * a failure, because a repeated complete charges again. {@code sent} learns whether the request's
   * body was written whole.
   */
  GatewayCall<JobCompletion> completeOnce(
      String jobId, JobOutcome outcome, WrittenBodies.Tracker sent) {
    JsonBodies.Lazy body = JsonBodies.lazy(outcome.toWire());
    return call(
        Endpoint.JOBS_COMPLETE,
        SINGLE_SEND,
        JobCompletion.class,
        id -> api.completeJob(id, jobId, sent.track(body.get())).request());
  }

  public GatewayCall<SingleCallResult> createAndCall(JobSpec spec, LlmCallRequest request) {
    Map<String, Object> wire = spec.toWire(teamId, "job_metadata");
    wire.putAll(request.toWire(false));
    JsonBodies.Lazy body = JsonBodies.lazy(wire);
    return call(
        Endpoint.JOBS_CREATE_AND_CALL,
        sized(request, nonIdempotent),
        SingleCallResult.class,
        id -> api.createAndCall(id, body.get()).request(),
        SingleCallResult::tokensUsed);
  }

  public StreamingCall llmCallStream(String jobId, LlmCallRequest request) {
    JsonBodies.Lazy body = JsonBodies.lazy(request.toWire(false));
    return stream(
        Endpoint.JOBS_LLM_CALL_STREAM,
        request,
        null,
        id -> api.llmCallStream(id, jobId, body.get()).request());
  }

  /** Create-and-call as a stream; retried only when the request cannot have reached the server. */
  public StreamingCall createAndCallStream(JobSpec spec, LlmCallRequest request) {
    Map<String, Object> wire = spec.toWire(teamId, "job_metadata");
    wire.putAll(request.toWire(false));
    JsonBodies.Lazy body = JsonBodies.lazy(wire);
    return stream(
        Endpoint.JOBS_CREATE_AND_CALL_STREAM,
        request,
        nonIdempotent,
        id -> api.createAndCallStream(id, body.get()).request());
  }

  public GatewayCall<JobCostReport> jobCosts(String jobId) {
    return call(
        JOBS_COSTS,
        CallOptions.defaults(),
        JobCostReport.class,
        id -> api.jobCosts(id, jobId).request());
  }

  public GatewayCall<TeamJobs> teamJobs(int limit, int offset, @Nullable JobStatus status) {
    // The server's filter only accepts UPPERCASE values; lowercase gives a 500.
    String filter = status == null ? null : status.value().toUpperCase(Locale.ROOT);
    return call(
        Endpoint.of("teams.jobs", "GET /api/teams/{id}/jobs"),
        CallOptions.defaults(),
        TeamJobs.class,
        id -> api.teamJobs(id, teamId, limit, offset, filter).request());
  }

  public GatewayCall<TeamUsage> teamUsage(String period) {
    return call(
        Endpoint.of("teams.usage", "GET /api/teams/{id}/usage"),
        CallOptions.defaults(),
        TeamUsage.class,
        id -> api.teamUsage(id, teamId, period).request());
  }

  public GatewayCall<CreditBalance> creditBalance() {
    return call(
        Endpoint.of("credits.balance", "GET /api/credits/teams/{id}/balance"),
        CallOptions.defaults(),
        CreditBalance.class,
        id -> api.creditBalance(id, teamId).request());
  }

  public GatewayCall<CreditTransactions> creditTransactions(int limit) {
    return call(
        Endpoint.of("credits.transactions", "GET /api/credits/teams/{id}/transactions"),
        CallOptions.defaults(),
        CreditTransactions.class,
        id -> api.creditTransactions(id, teamId, limit).request());
  }

  public GatewayCall<CreditCheck> checkCredits(long creditsNeeded) {
    return call(
        Endpoint.of("credits.check", "POST /api/credits/teams/{id}/check"),
        CallOptions.defaults(),
        CreditCheck.class,
        id -> api.checkCredits(id, teamId, creditsNeeded).request());
  }

  public GatewayCall<TeamInfo> team() {
    return call(
        TEAMS_GET, CallOptions.defaults(), TeamInfo.class, id -> api.team(id, teamId).request());
  }

  public GatewayCall<ModelGroupResolution> resolveModelGroup(String groupName) {
    return call(
        Endpoint.of("model-groups.resolve", "GET /api/model-groups/{name}/resolve"),
        CallOptions.defaults(),
        ModelGroupResolution.class,
        id -> api.resolveModelGroup(id, groupName, teamId).request());
  }

  /** {@code GET /api/models}: every model alias with its prices (no authentication needed). */
  public GatewayCall<List<ModelAlias>> models() {
    return call(MODEL_ALIASES, CallOptions.defaults(), MODEL_LIST, id -> api.models(id).request());
  }

  /** {@code GET /api/models/{alias}}. */
  public GatewayCall<ModelAlias> model(String alias) {
    return call(
        Endpoint.of("models.alias", "GET /api/models/{alias}"),
        CallOptions.defaults(),
        ModelAlias.class,
        id -> api.model(id, alias).request());
  }

  public GatewayCall<Health> health() {
    return call(
        Endpoint.of("health", "GET /health"),
        CallOptions.defaults(),
        Health.class,
        id -> api.health(id).request());
  }

  private <T> GatewayCall<T> call(
      Endpoint endpoint, CallOptions options, Type type, Function<String, Request> request) {
    return call(endpoint, options, type, request, null);
  }

  private <T> GatewayCall<T> call(
      Endpoint endpoint,
      CallOptions options,
      Type type,
      Function<String, Request> request,
      @Nullable ToLongFunction<T> tokensUsed) {
    return new RetryingCall<>(
        rt,
        endpoint,
        options,
        new JobAttempt<>(request, type, tokensUsed),
        CallHooks.of(null, e -> afterFailure.apply(endpoint, e)));
  }

  private StreamingCall stream(
      Endpoint endpoint,
      LlmCallRequest request,
      @Nullable RetryPolicy policy,
      Function<String, Request> build) {
    return new StreamingCall(
        rt,
        endpoint,
        sized(request, policy),
        new JobStreamRequest(build, request.model(), rt.classifier(), prices),
        CallHooks.of(null, e -> afterFailure.apply(endpoint, e)));
  }

  private static CallOptions sized(LlmCallRequest request, @Nullable RetryPolicy policy) {
    return CallOptions.builder().requestBytes(request.textLength()).retryPolicy(policy).build();
  }
}
