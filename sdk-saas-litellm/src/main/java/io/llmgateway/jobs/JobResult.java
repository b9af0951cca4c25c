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
  private final @Nullable JobCostReport costReport;
  private final List<ModelCost> byModel;
  private final TokenUsage usage;
  private final Cost cost;

  JobResult(
      T value,
      JobCompletion completion,
      @Nullable JobCostReport costReport,
      List<ModelCost> byModel,
      TokenUsage usage,
      Cost cost) {
    this.value = value;
    this.completion = completion;
    this.costReport = costReport;
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

  /**
   * The server's cost summary from the complete answer (with markup and credits), or null when the
   * completion was confirmed by reading the job; {@link #costReport()} is read in both cases.
   */
  public @Nullable JobCosts serverCosts() {
    return completion.costs();
  }

  /**
   * {@code GET /api/jobs/{id}/costs}, read once the job completed: provider cost and
   * prompt/completion tokens per call. Null only when it could not be read.
   */
  public @Nullable JobCostReport costReport() {
    return costReport;
  }

  /** Tokens and USD per model, as the client counted them with its price table. */
  public List<ModelCost> costsByModel() {
    return byModel;
  }

  public TokenUsage usage() {
    return usage;
  }

  /**
   * The client's USD total, from its price table and each call's prompt/completion split; unknown
   * when a model has no price or a call's split is unknown (a stream without usage).
   */
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
