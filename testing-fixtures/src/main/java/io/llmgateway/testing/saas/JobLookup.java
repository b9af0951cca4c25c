package io.llmgateway.testing.saas;

import io.llmgateway.testing.internal.JobState;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Finds a job the way the server does: {@code uuid.UUID(job_id)}, then the row, then the team. */
final class JobLookup {
  private JobLookup() {}

  static JobState find(SaasContext ctx, String rawId) {
    String id = normalizeUuid(rawId);
    if (id == null) {
      // The server's uuid.UUID() raises ValueError, which Starlette turns into a plain 500.
      throw ctx.documented
          ? SaasErrors.detail(404, "Job not found")
          : SaasErrors.internalServerError();
    }
    JobState job = ctx.store.jobs.get(id);
    if (job == null) {
      throw SaasErrors.detail(404, "Job not found");
    }
    if (!job.teamId.equals(ctx.team().id)) {
      throw SaasErrors.detail(403, "Job does not belong to your team");
    }
    return job;
  }

  /**
   * Python's uuid.UUID parsing: optional urn prefix and braces, hyphens anywhere, 32 hex digits.
   */
  static @Nullable String normalizeUuid(String raw) {
    String hex = raw.trim();
    if (hex.startsWith("urn:uuid:")) {
      hex = hex.substring("urn:uuid:".length());
    }
    if (hex.startsWith("{") && hex.endsWith("}")) {
      hex = hex.substring(1, hex.length() - 1);
    }
    hex = hex.replace("-", "").toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{32}")) {
      return null;
    }
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }
}
