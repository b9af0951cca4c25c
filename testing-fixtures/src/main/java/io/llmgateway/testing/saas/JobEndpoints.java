package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.JobState;
import io.llmgateway.testing.internal.JsonValues;
import io.llmgateway.testing.internal.TeamState;
import io.llmgateway.testing.internal.wire.Responses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/** Create, read, update-metadata, complete, costs, and list jobs (spec 3.1-3.3, 3.6, 3.9, 3.10). */
final class JobEndpoints {
  private static final Set<String> STATUSES =
      Set.of("PENDING", "IN_PROGRESS", "COMPLETED", "FAILED", "CANCELLED");

  private JobEndpoints() {}

  static MockResponse create(SaasContext ctx) {
    ctx.parseBody();
    TeamState team = ctx.authenticate();
    Map<?, ?> body = ctx.validate(Schemas.JOB_CREATE);
    String teamId = (String) body.get("team_id");
    if (!team.id.equals(teamId)) {
      throw SaasErrors.detail(403, "API key does not belong to team '" + teamId + "'");
    }
    String jobType = (String) body.get("job_type");
    String userId = (String) body.get("user_id");
    tooLongForDatabase(ctx, jobType, 100);
    tooLongForDatabase(ctx, userId, 255);
    Map<String, @Nullable Object> metadata =
        body.containsKey("metadata") ? metadataOf(body.get("metadata")) : new LinkedHashMap<>();
    JobState job =
        new JobState(ctx.store.newId(1), team.id, userId, jobType, "PENDING", ctx.now(), metadata);
    ctx.store.jobs.put(job.jobId, job);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("job_id", job.jobId);
    out.put("status", ctx.status(job.status));
    out.put("created_at", ctx.time(job.createdAt, false));
    return Responses.json(200, out);
  }

  static MockResponse get(SaasContext ctx, String jobId) {
    ctx.authenticate();
    return Responses.json(200, JobViews.toDict(ctx, JobLookup.find(ctx, jobId)));
  }

  static MockResponse patchMetadata(SaasContext ctx, String jobId) {
    ctx.parseBody();
    ctx.authenticate();
    Map<?, ?> body = ctx.validate(Schemas.METADATA_PATCH);
    JobState job = JobLookup.find(ctx, jobId);
    Map<String, @Nullable Object> merged =
        job.metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(job.metadata);
    merged.putAll(metadataOf(body.get("metadata")));
    job.metadata = merged;
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("job_id", job.jobId);
    out.put("metadata", merged);
    out.put("updated_at", ctx.time(ctx.now(), false));
    return Responses.json(200, out);
  }

  static MockResponse complete(SaasContext ctx, String jobId) {
    ctx.parseBody();
    TeamState team = ctx.authenticate();
    Map<?, ?> body = ctx.validate(Schemas.COMPLETE);
    JobState job = JobLookup.find(ctx, jobId);
    String status = (String) body.get("status");
    String errorMessage = (String) body.get("error_message");
    tooLongForDatabase(ctx, errorMessage, 1000);
    Object metadata = body.get("metadata");
    if (metadata instanceof Map<?, ?> extra && !extra.isEmpty()) {
      if (job.metadata == null && !ctx.documented) {
        throw SaasErrors.internalServerError(); // None.update on a job created with null metadata
      }
      if (ctx.documented) {
        // The docs promise a persisted merge; the server's in-place update is probably lost.
        Map<String, @Nullable Object> merged =
            job.metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(job.metadata);
        merged.putAll(metadataOf(extra));
        job.metadata = merged;
      }
    }
    job.status = status.toUpperCase(Locale.ROOT);
    job.completedAt = ctx.now();
    job.completeCount++;
    if (errorMessage != null && !errorMessage.isEmpty()) {
      job.errorMessage = errorMessage;
    }
    JobCosts costs = JobCosts.of(job);
    applyCredits(ctx, team, job, "completed".equals(status), costs);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("job_id", job.jobId);
    out.put("status", ctx.status(job.status));
    out.put("completed_at", ctx.time(job.completedAt, false));
    out.put("costs", JobViews.costs(costs, job.creditApplied, team.creditsRemaining()));
    out.put("calls", JobViews.calls(job));
    return Responses.json(200, out);
  }

  /**
   * Real server: charge when completed and not yet applied, otherwise reset the flag (so every
   * second repeat charges again). Documented: charge once, only without failed calls.
   */
  static void applyCredits(
      SaasContext ctx, TeamState team, JobState job, boolean completed, JobCosts costs) {
    if (ctx.documented) {
      if (completed && !job.creditApplied && costs.failedCalls() == 0) {
        job.creditApplied = Credits.charge(ctx.store, team, job, costs);
      }
      return;
    }
    if (completed && !job.creditApplied) {
      job.creditApplied = Credits.charge(ctx.store, team, job, costs);
    } else {
      job.creditApplied = false;
    }
  }

  static MockResponse costs(SaasContext ctx, String jobId) {
    ctx.authenticate();
    JobState job = JobLookup.find(ctx, jobId);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("job_id", job.jobId);
    out.put("team_id", job.teamId);
    out.put("job_type", job.jobType);
    out.put("status", ctx.status(job.status));
    out.put("costs", JobViews.costBreakdown(ctx, job));
    return Responses.json(200, out);
  }

  static MockResponse listForTeam(SaasContext ctx, String teamId) {
    TeamState team = ctx.authenticate();
    long limit = ctx.intQuery("limit", 100, false);
    long offset = ctx.intQuery("offset", 0, false);
    String status = ctx.req.queryParam("status");
    if (!team.id.equals(teamId)) {
      throw SaasErrors.detail(403, "Cannot access jobs for a different team");
    }
    String filter = null;
    if (status != null && !status.isEmpty()) {
      String upper = status.toUpperCase(Locale.ROOT);
      boolean known = STATUSES.contains(ctx.documented ? upper : status);
      if (!known) {
        if (ctx.documented) {
          throw SaasErrors.validation(List.of(badStatus(status)), true);
        }
        throw SaasErrors.internalServerError(); // JobStatus(status) raises for non-UPPERCASE
      }
      filter = upper;
    }
    List<JobState> matching = new ArrayList<>();
    for (JobState job : ctx.store.jobs.values()) {
      if (job.teamId.equals(teamId) && (filter == null || filter.equals(job.status))) {
        matching.add(0, job); // newest first
      }
    }
    List<Object> page = new ArrayList<>();
    for (int i = (int) Math.max(0, offset); i < matching.size() && page.size() < limit; i++) {
      page.add(JobViews.toDict(ctx, matching.get(i)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("team_id", teamId);
    out.put("total", page.size());
    out.put("jobs", page);
    return Responses.json(200, out);
  }

  /** The pydantic v1 enum error the docs' server would give for an unknown status filter. */
  private static Validation.Violation badStatus(String status) {
    List<String> values = List.of("pending", "in_progress", "completed", "failed", "cancelled");
    String permitted = "'" + String.join("', '", values) + "'";
    return new Validation.Violation(
        List.of("query", "status"),
        "enum",
        "Input should be " + permitted,
        status,
        null,
        "type_error.enum",
        "value is not a valid enumeration member; permitted: " + permitted,
        Map.of("enum_values", values));
  }

  /** Real server: a string longer than its column overflows in the database, a plain 500. */
  static void tooLongForDatabase(SaasContext ctx, @Nullable String value, int max) {
    if (!ctx.documented && value != null && value.length() > max) {
      throw SaasErrors.internalServerError();
    }
  }

  @SuppressWarnings("unchecked")
  static @Nullable Map<String, @Nullable Object> metadataOf(@Nullable Object value) {
    return value == null ? null : (Map<String, @Nullable Object>) JsonValues.deepCopy(value);
  }
}
