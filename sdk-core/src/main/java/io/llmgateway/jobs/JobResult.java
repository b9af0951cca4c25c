package io.llmgateway.jobs;

import io.llmgateway.cost.Cost;
import io.llmgateway.cost.ModelCost;
import io.llmgateway.cost.TokenUsage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a job scope returns: the work's value, the server's completion and the client's ledger. */
public final class JobResult<T extends @Nullable Object> {
  private final T value;
  private final JobCompletion completion;
  private final List<ModelCost> byModel;
  private final TokenUsage usage;
  private final Cost cost;

  JobResult(
      T value, JobCompletion completion, List<ModelCost> byModel, TokenUsage usage, Cost cost) {
    this.value = value;
    this.completion = completion;
    this.byModel = List.copyOf(byModel);
    this.usage = usage;
    this.cost = cost;
  }

  public T value() {
    return value;
  }

  public String jobId() {
    return completion.jobId();
  }

  /** The server's answer to complete: status, costs (with credits) and calls. */
  public JobCompletion completion() {
    return completion;
  }

  /** The server's cost summary, or null when the completion was confirmed by reading the job. */
  public @Nullable JobCosts serverCosts() {
    return completion.costs();
  }

  /** Tokens and USD per model, as the client counted them with its price table. */
  public List<ModelCost> costsByModel() {
    return byModel;
  }

  public TokenUsage usage() {
    return usage;
  }

  /** The client's USD total; unknown when a model has no price or a split is unknown. */
  public Cost cost() {
    return cost;
  }

  @Override
  public String toString() {
    return "JobResult{jobId="
        + jobId()
        + ", status="
        + completion.status()
        + ", tokens="
        + usage.totalTokens()
        + ", cost="
        + cost
        + "}";
  }
}
