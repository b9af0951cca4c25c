package io.llmgateway.testing.internal;

import io.llmgateway.testing.seed.ModelGroupSeed;
import io.llmgateway.testing.seed.Seed;
import io.llmgateway.testing.state.CallSnapshot;
import io.llmgateway.testing.state.CreditTransactionSnapshot;
import io.llmgateway.testing.state.GatewaySnapshot;
import io.llmgateway.testing.state.HiveOpsKeySnapshot;
import io.llmgateway.testing.state.JobSnapshot;
import io.llmgateway.testing.state.TeamSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * All mutable state of one gateway. Not thread-safe by itself: callers hold the store's monitor
 * ({@code synchronized (store)}) for each request, which keeps every request atomic.
 */
public final class Store {
  public final GatewayOptions options;
  public final Map<String, TeamState> teams = new LinkedHashMap<>();
  public final Map<String, JobState> jobs = new LinkedHashMap<>();
  public final Map<String, ModelGroupSeed> modelGroups = new LinkedHashMap<>();
  public final List<TransactionState> transactions = new ArrayList<>();
  public final Map<String, HiveKeyState> hiveKeys = new LinkedHashMap<>();
  private long idCounter;

  public Store(GatewayOptions options, Seed seed) {
    this.options = options;
    Instant now = options.clock().instant();
    seed.teams().forEach(t -> teams.put(t.id(), new TeamState(t, now, options.saasRateWindow())));
    seed.modelGroups().forEach(g -> modelGroups.put(g.name(), g));
    seed.hiveOpsKeys()
        .forEach(
            k ->
                hiveKeys.put(
                    k.key(),
                    new HiveKeyState(
                        k.key(), k.balanceUsd(), k.expiresAt(), options.hiveOpsRateWindow())));
  }

  public Instant now() {
    return options.clock().instant();
  }

  /** Deterministic UUIDs (a counter in the low bits), so runs are reproducible. */
  public String newId(int kind) {
    idCounter++;
    return new UUID(0x00000000_0000_4000L | ((long) kind << 16), 0x8000_0000_0000_0000L | idCounter)
        .toString();
  }

  public @Nullable TeamState teamByKey(String key) {
    for (TeamState team : teams.values()) {
      if (team.virtualKey.equals(key)) {
        return team;
      }
    }
    return null;
  }

  public GatewaySnapshot snapshot() {
    List<TeamSnapshot> teamList = new ArrayList<>();
    for (TeamState t : teams.values()) {
      teamList.add(
          new TeamSnapshot(
              t.id,
              t.organizationId,
              t.status,
              t.creditsAllocated,
              t.creditsUsed,
              t.creditsRemaining(),
              t.budgetMode));
    }
    List<JobSnapshot> jobList = new ArrayList<>();
    for (JobState j : jobs.values()) {
      List<CallSnapshot> calls = new ArrayList<>();
      for (CallState c : j.calls) {
        calls.add(
            new CallSnapshot(
                c.callId,
                c.jobId,
                c.modelGroupUsed,
                c.purpose,
                c.promptTokens,
                c.completionTokens,
                c.totalTokens(),
                c.latencyMs,
                c.costUsd,
                c.clientCostUsd,
                c.error,
                c.streamed,
                c.createdAt));
      }
      jobList.add(
          new JobSnapshot(
              j.jobId,
              j.teamId,
              j.jobType,
              j.status,
              j.createdAt,
              j.startedAt,
              j.completedAt,
              JsonValues.deepImmutable(j.metadata),
              j.errorMessage,
              j.creditApplied,
              j.completeCount,
              j.chargeCount,
              j.modelGroupsUsed,
              calls));
    }
    List<CreditTransactionSnapshot> txList = new ArrayList<>();
    for (TransactionState t : transactions) {
      txList.add(
          new CreditTransactionSnapshot(
              t.transactionId(),
              t.teamId(),
              t.jobId(),
              t.type(),
              t.amount(),
              t.before(),
              t.after(),
              t.reason(),
              t.createdAt()));
    }
    Instant now = now();
    List<HiveOpsKeySnapshot> keyList = new ArrayList<>();
    for (HiveKeyState k : hiveKeys.values()) {
      keyList.add(
          new HiveOpsKeySnapshot(
              k.key,
              k.balanceUsd,
              k.expiresAt,
              k.window.requests(now),
              k.window.tokens(now),
              k.window.resetsAt(now),
              k.totalRequests));
    }
    return new GatewaySnapshot(teamList, jobList, txList, keyList);
  }
}
