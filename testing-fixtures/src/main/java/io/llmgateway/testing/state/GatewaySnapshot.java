package io.llmgateway.testing.state;

import java.util.List;
import java.util.NoSuchElementException;

/** The whole gateway state at one moment: immutable, safe to keep and compare. */
public record GatewaySnapshot(
    List<TeamSnapshot> teams,
    List<JobSnapshot> jobs,
    List<CreditTransactionSnapshot> transactions,
    List<HiveOpsKeySnapshot> hiveOpsKeys) {

  public GatewaySnapshot {
    teams = List.copyOf(teams);
    jobs = List.copyOf(jobs);
    transactions = List.copyOf(transactions);
    hiveOpsKeys = List.copyOf(hiveOpsKeys);
  }

  public TeamSnapshot team(String id) {
    return teams.stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No team " + id));
  }

  public JobSnapshot job(String jobId) {
    return jobs.stream()
        .filter(j -> j.jobId().equals(jobId))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No job " + jobId));
  }

  public HiveOpsKeySnapshot hiveOpsKey(String key) {
    return hiveOpsKeys.stream()
        .filter(k -> k.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No HiveOps key"));
  }

  /** Every call of every job, in job order. */
  public List<CallSnapshot> calls() {
    return jobs.stream().flatMap(j -> j.calls().stream()).toList();
  }
}
