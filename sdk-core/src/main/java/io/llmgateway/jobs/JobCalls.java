package io.llmgateway.jobs;

import com.squareup.moshi.Types;
import io.llmgateway.pipeline.CallOptions;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.retry.RetryPolicy;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Every request of the job client as a {@link JobCall}, for loops other than the client's own
 * blocking one (sdk-coroutines sends them without blocking a thread). The client's methods are
 * these calls run through its pipeline.
 */
public final class JobCalls {
  private static final CallOptions SINGLE_SEND =
      CallOptions.builder().retryPolicy(RetryPolicy.none()).build();

  /** {@code GET /api/teams/{id}}: the unauthenticated team record a 403 diagnosis reads. */
  static final Endpoint TEAMS_GET = Endpoint.of("teams.get", "GET /api/teams/{id}");

  private static final Type MODEL_LIST = Types.newParameterizedType(List.class, ModelAlias.class);

  private final SaasLiteLlmClient client;
  private final RetryPolicy nonIdempotent;

  JobCalls(SaasLiteLlmClient client) {
    this.client = client;
    this.nonIdempotent = NonIdempotentRetries.of(client.config.retryPolicy);
  }

  public JobCall<JobCreated> createJob(JobSpec spec) {
    JsonBodies.Lazy body = JsonBodies.lazy(spec.toWire(client.teamId(), "metadata"));
    return call(
        Endpoint.JOBS_CREATE,
        CallOptions.defaults(),
        JobCreated.class,
        id -> client.api.createJob(id, body.get()).request());
  }

  public JobCall<Job> getJob(String jobId) {
    return call(
        Endpoint.JOBS_GET,
        CallOptions.defaults(),
        Job.class,
        id -> client.api.getJob(id, jobId).request());
  }

  public JobCall<MetadataUpdate> updateMetadata(String jobId, Map<String, Object> metadata) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("metadata", metadata);
    JsonBodies.Lazy body = JsonBodies.lazy(wire);
    return call(
        Endpoint.of("jobs.metadata", "PATCH /api/jobs/{id}/metadata"),
        CallOptions.defaults(),
        MetadataUpdate.class,
        id -> client.api.updateMetadata(id, jobId, body.get()).request());
  }

  public JobCall<LlmCallResult> llmCall(String jobId, LlmCallRequest request) {
    JsonBodies.Lazy body = JsonBodies.lazy(w -> request.writeJson(w, true));
    return new JobCall<>(
        client,
        Endpoint.JOBS_LLM_CALL,
        sized(request, null),
        id -> client.api.llmCall(id, jobId, body.get()).request(),
        LlmCallResult.class,
        LlmCallResult::tokensUsed);
  }

  /**
   * One send of complete, never retried by the loop: {@link CompletionPlan} decides what follows a
   * failure, because a repeated complete charges again.
   */
  public JobCall<JobCompletion> completeOnce(String jobId, JobOutcome outcome) {
    JsonBodies.Lazy body = JsonBodies.lazy(outcome.toWire());
    return call(
        Endpoint.JOBS_COMPLETE,
        SINGLE_SEND,
        JobCompletion.class,
        id -> client.api.completeJob(id, jobId, body.get()).request());
  }

  public JobCall<SingleCallResult> createAndCall(JobSpec spec, LlmCallRequest request) {
    Map<String, Object> wire = spec.toWire(client.teamId(), "job_metadata");
    wire.putAll(request.toWire(false));
    JsonBodies.Lazy body = JsonBodies.lazy(wire);
    return new JobCall<>(
        client,
        Endpoint.JOBS_CREATE_AND_CALL,
        sized(request, nonIdempotent),
        id -> client.api.createAndCall(id, body.get()).request(),
        SingleCallResult.class,
        SingleCallResult::tokensUsed);
  }

  public StreamCall llmCallStream(String jobId, LlmCallRequest request) {
    return stream(
        Endpoint.JOBS_LLM_CALL_STREAM,
        "api/jobs/" + jobId + "/llm-call-stream",
        request.toWire(false),
        request,
        null);
  }

  /** Create-and-call as a stream; retried only when the request cannot have reached the server. */
  public StreamCall createAndCallStream(JobSpec spec, LlmCallRequest request) {
    Map<String, Object> body = spec.toWire(client.teamId(), "job_metadata");
    body.putAll(request.toWire(false));
    return stream(
        Endpoint.JOBS_CREATE_AND_CALL_STREAM,
        "api/jobs/create-and-call-stream",
        body,
        request,
        nonIdempotent);
  }

  public JobCall<JobCostReport> jobCosts(String jobId) {
    return call(
        Endpoint.of("jobs.costs", "GET /api/jobs/{id}/costs"),
        CallOptions.defaults(),
        JobCostReport.class,
        id -> client.api.jobCosts(id, jobId).request());
  }

  public JobCall<TeamJobs> teamJobs(int limit, int offset, @Nullable JobStatus status) {
    // The server's filter only accepts UPPERCASE values; lowercase gives a 500.
    String filter = status == null ? null : status.value().toUpperCase(Locale.ROOT);
    return call(
        Endpoint.of("teams.jobs", "GET /api/teams/{id}/jobs"),
        CallOptions.defaults(),
        TeamJobs.class,
        id -> client.api.teamJobs(id, client.teamId(), limit, offset, filter).request());
  }

  public JobCall<TeamUsage> teamUsage(String period) {
    return call(
        Endpoint.of("teams.usage", "GET /api/teams/{id}/usage"),
        CallOptions.defaults(),
        TeamUsage.class,
        id -> client.api.teamUsage(id, client.teamId(), period).request());
  }

  public JobCall<CreditBalance> creditBalance() {
    return call(
        Endpoint.of("credits.balance", "GET /api/credits/teams/{id}/balance"),
        CallOptions.defaults(),
        CreditBalance.class,
        id -> client.api.creditBalance(id, client.teamId()).request());
  }

  public JobCall<CreditTransactions> creditTransactions(int limit) {
    return call(
        Endpoint.of("credits.transactions", "GET /api/credits/teams/{id}/transactions"),
        CallOptions.defaults(),
        CreditTransactions.class,
        id -> client.api.creditTransactions(id, client.teamId(), limit).request());
  }

  public JobCall<CreditCheck> checkCredits(long creditsNeeded) {
    return call(
        Endpoint.of("credits.check", "POST /api/credits/teams/{id}/check"),
        CallOptions.defaults(),
        CreditCheck.class,
        id -> client.api.checkCredits(id, client.teamId(), creditsNeeded).request());
  }

  public JobCall<TeamInfo> team() {
    return call(
        TEAMS_GET,
        CallOptions.defaults(),
        TeamInfo.class,
        id -> client.api.team(id, client.teamId()).request());
  }

  public JobCall<ModelGroupResolution> resolveModelGroup(String groupName) {
    return call(
        Endpoint.of("model-groups.resolve", "GET /api/model-groups/{name}/resolve"),
        CallOptions.defaults(),
        ModelGroupResolution.class,
        id -> client.api.resolveModelGroup(id, groupName, client.teamId()).request());
  }

  /** {@code GET /api/models}: every model alias with its prices (no authentication needed). */
  public JobCall<List<ModelAlias>> models() {
    return call(
        Endpoint.of("models.aliases", "GET /api/models"),
        CallOptions.defaults(),
        MODEL_LIST,
        id -> client.api.models(id).request());
  }

  /** {@code GET /api/models/{alias}}. */
  public JobCall<ModelAlias> model(String alias) {
    return call(
        Endpoint.of("models.alias", "GET /api/models/{alias}"),
        CallOptions.defaults(),
        ModelAlias.class,
        id -> client.api.model(id, alias).request());
  }

  public JobCall<Health> health() {
    return call(
        Endpoint.of("health", "GET /health"),
        CallOptions.defaults(),
        Health.class,
        id -> client.api.health(id).request());
  }

  private <T> JobCall<T> call(
      Endpoint endpoint,
      CallOptions options,
      Type type,
      java.util.function.Function<String, Request> request) {
    return new JobCall<>(client, endpoint, options, request, type, null);
  }

  private StreamCall stream(
      Endpoint endpoint,
      String path,
      Map<String, Object> body,
      LlmCallRequest request,
      @Nullable RetryPolicy policy) {
    String json = JsonAdapters.MOSHI.adapter(Object.class).toJson(body);
    return new StreamCall(client, endpoint, path, json, sized(request, policy));
  }

  private static CallOptions sized(LlmCallRequest request, @Nullable RetryPolicy policy) {
    return CallOptions.builder().requestBytes(request.textLength()).retryPolicy(policy).build();
  }
}
