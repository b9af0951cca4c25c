package io.llmgateway.jobs;

import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What each job-client answer always holds when the real server sends it. A 200 without it (an
 * OpenAI body where a job result was expected, a proxy's placeholder) is not the endpoint's answer,
 * and must not pass as a success with an empty job id and no text.
 */
final class AnswerChecks {
  private static final Map<Class<?>, Function<Object, @Nullable String>> CHECKS =
      Map.of(
          JobCreated.class, a -> id(((JobCreated) a).jobId(), "job_id"),
          Job.class, a -> id(((Job) a).jobId(), "job_id"),
          LlmCallResult.class,
              a -> {
                LlmCallResult r = (LlmCallResult) a;
                return r.callId().isEmpty() ? "call_id" : r.hasResponse() ? null : "response";
              },
          SingleCallResult.class,
              a -> {
                SingleCallResult r = (SingleCallResult) a;
                return r.jobId().isEmpty() ? "job_id" : r.hasResponse() ? null : "response";
              },
          JobCompletion.class, a -> id(((JobCompletion) a).jobId(), "job_id"),
          JobCostReport.class, a -> id(((JobCostReport) a).jobId(), "job_id"),
          MetadataUpdate.class, a -> id(((MetadataUpdate) a).jobId(), "job_id"),
          CreditBalance.class, a -> id(((CreditBalance) a).teamId(), "team_id"),
          TeamInfo.class, a -> id(((TeamInfo) a).teamId(), "team_id"));

  private AnswerChecks() {}

  /** The name of a field {@code answer} should have and lacks, or null when it is whole. */
  static @Nullable String missing(Object answer) {
    Function<Object, @Nullable String> check = CHECKS.get(answer.getClass());
    return check == null ? null : check.apply(answer);
  }

  private static @Nullable String id(String value, String field) {
    return value.isEmpty() ? field : null;
  }
}
