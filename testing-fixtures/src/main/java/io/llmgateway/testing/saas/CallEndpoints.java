package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.JobState;
import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.internal.wire.Responses;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/** The non-streaming LLM endpoints: {@code /llm-call} (3.4) and {@code /create-and-call} (3.7). */
final class CallEndpoints {
  /** The guide's only 403 body; its credit pre-check (documented mode) answers with it. */
  static final String INSUFFICIENT_CREDITS = "Team suspended or insufficient credits";

  private CallEndpoints() {}

  static MockResponse llmCall(SaasContext ctx, String jobId) {
    ctx.parseBody();
    TeamState team = ctx.authenticate();
    Map<?, ?> body = ctx.validate(Schemas.LLM_CALL);
    JobState job = JobLookup.find(ctx, jobId);
    String model = (String) body.get("model");
    ModelResolver.Resolved resolved = prepareCall(ctx, team, job, model);
    CallEngine.Outcome outcome =
        CallEngine.call(ctx, job, model, resolved, body, CallEngine.Path.LLM_CALL);
    if (outcome.failed()) {
      throw SaasErrors.detail(500, "LLM call failed: " + outcome.error());
    }
    ctx.req.timing.reply(outcome.completion().completionTokens());
    if (body.get("call_metadata") instanceof Map<?, ?> extra) {
      Map<String, @Nullable Object> merged =
          job.metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(job.metadata);
      merged.putAll(JobEndpoints.metadataOf(extra));
      job.metadata = merged;
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("call_id", outcome.call().callId);
    out.put("response", response(outcome));
    out.put(
        "metadata", callMetadata(ctx, outcome, model, ctx.documented ? "model_group" : "model"));
    return Responses.json(200, out);
  }

  /**
   * Steps 3-5 of 3.4, shared with llm-call-stream: (documented) the credit pre-check, PENDING to
   * IN_PROGRESS even if resolution then fails, resolution, and the model recorded on the job.
   */
  static ModelResolver.Resolved prepareCall(
      SaasContext ctx, TeamState team, JobState job, String model) {
    if (ctx.documented && team.creditsRemaining() < Credits.MIN) {
      throw SaasErrors.detail(403, INSUFFICIENT_CREDITS);
    }
    if ("PENDING".equals(job.status)) {
      job.status = "IN_PROGRESS";
      job.startedAt = ctx.now();
    }
    ModelResolver.Resolved resolved = ModelResolver.resolve(ctx, team, model);
    if (!job.modelGroupsUsed.contains(model)) {
      job.modelGroupsUsed.add(model);
    }
    return resolved;
  }

  static MockResponse createAndCall(SaasContext ctx) {
    ctx.parseBody();
    TeamState team = ctx.authenticate();
    Map<?, ?> body = ctx.validate(Schemas.SINGLE_CALL);
    JobState job = startSingleCallJob(ctx, team, body);
    String model = (String) body.get("model");
    ModelResolver.Resolved resolved = resolveForSingleCall(ctx, team, job, model);
    CallEngine.Outcome outcome =
        CallEngine.call(ctx, job, model, resolved, body, CallEngine.Path.SINGLE_CALL);
    if (outcome.failed()) {
      job.status = "FAILED";
      job.errorMessage = outcome.error();
      job.completedAt = ctx.now();
      throw SaasErrors.detail(500, "LLM call failed: " + outcome.error());
    }
    ctx.req.timing.reply(outcome.completion().completionTokens());
    JobCosts costs = finishSingleCallJob(ctx, team, job);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("job_id", job.jobId);
    out.put("status", ctx.status(job.status));
    out.put("response", response(outcome));
    out.put("metadata", callMetadata(ctx, outcome, model, "model"));
    out.put("costs", JobViews.costs(costs, job.creditApplied, team.creditsRemaining()));
    out.put("completed_at", ctx.time(job.completedAt, false));
    return Responses.json(200, out);
  }

  /** Team check, the documented credit pre-check, and a job created directly IN_PROGRESS. */
  static JobState startSingleCallJob(SaasContext ctx, TeamState team, Map<?, ?> body) {
    String teamId = (String) body.get("team_id");
    if (!team.id.equals(teamId)) {
      throw SaasErrors.detail(403, "API key does not belong to team '" + teamId + "'");
    }
    if (ctx.documented && team.creditsRemaining() < Credits.MIN) {
      throw SaasErrors.detail(403, INSUFFICIENT_CREDITS);
    }
    String jobType = (String) body.get("job_type");
    String userId = (String) body.get("user_id");
    JobEndpoints.tooLongForDatabase(ctx, jobType, 100);
    JobEndpoints.tooLongForDatabase(ctx, userId, 255);
    Map<String, @Nullable Object> metadata =
        body.get("job_metadata") instanceof Map<?, ?> m
            ? JobEndpoints.metadataOf(m)
            : new LinkedHashMap<>();
    JobState job =
        new JobState(
            ctx.store.newId(1), team.id, userId, jobType, "IN_PROGRESS", ctx.now(), metadata);
    job.startedAt = ctx.now();
    ctx.store.jobs.put(job.jobId, job);
    return job;
  }

  /** Resolution for single-call paths: a failure marks the job FAILED before the 403. */
  static ModelResolver.Resolved resolveForSingleCall(
      SaasContext ctx, TeamState team, JobState job, String model) {
    try {
      ModelResolver.Resolved resolved = ModelResolver.resolve(ctx, team, model);
      job.modelGroupsUsed.add(model);
      return resolved;
    } catch (io.llmgateway.testing.internal.HttpError e) {
      job.status = "FAILED";
      job.completedAt = ctx.now();
      job.errorMessage = e.getMessage();
      throw e;
    }
  }

  /** Success bookkeeping of a single-call job: COMPLETED, charged once, counted as completed. */
  static JobCosts finishSingleCallJob(SaasContext ctx, TeamState team, JobState job) {
    job.status = "COMPLETED";
    job.completedAt = ctx.now();
    job.completeCount++;
    JobCosts costs = JobCosts.of(job);
    job.creditApplied = Credits.charge(ctx.store, team, job, costs);
    return costs;
  }

  private static Map<String, Object> response(CallEngine.Outcome outcome) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("content", outcome.completion().content());
    response.put("finish_reason", outcome.finishReason());
    return response;
  }

  private static Map<String, Object> callMetadata(
      SaasContext ctx, CallEngine.Outcome outcome, String model, String modelKey) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("tokens_used", outcome.call().totalTokens());
    metadata.put("latency_ms", outcome.call().latencyMs);
    metadata.put(modelKey, model);
    return metadata;
  }
}
