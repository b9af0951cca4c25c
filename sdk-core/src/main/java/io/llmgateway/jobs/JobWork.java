package io.llmgateway.jobs;

/** The work done inside a job; may throw anything, the job is then completed as failed. */
@FunctionalInterface
public interface JobWork<T> {
  T run(JobScope job) throws Exception;
}
