package io.llmgateway.jobs;

import org.jspecify.annotations.Nullable;

/** The work done inside a job; may throw anything, the job is then completed as failed. */
@FunctionalInterface
public interface JobWork<T extends @Nullable Object> {
  T run(JobScope job) throws Exception;
}
