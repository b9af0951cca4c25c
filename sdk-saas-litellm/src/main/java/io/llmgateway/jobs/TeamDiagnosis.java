package io.llmgateway.jobs;

import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.ModelAccessDeniedException;
import io.llmgateway.error.PermissionDeniedException;
import io.llmgateway.error.TeamPausedException;
import io.llmgateway.error.TeamSuspendedException;
import io.llmgateway.internal.call.ChainedCall;
import io.llmgateway.internal.call.GatewayCall;
import io.llmgateway.pipeline.Endpoint;
import io.llmgateway.pipeline.Sleeper;
import org.jspecify.annotations.Nullable;

/**
 * Why a team was refused, read from the team's own record: the SaaS guide's "check team status,
 * then credits, then access groups" done for you. It reads {@code GET /api/teams/{id}}, which the
 * server answers without authentication, so a suspended or paused team (403 on every keyed
 * endpoint, its balance included) still learns its status and credits. Immutable.
 */
public final class TeamDiagnosis {
  private final LlmGatewayException error;
  private final @Nullable String teamStatus;
  private final @Nullable Long creditsRemaining;
  private final @Nullable String budgetMode;
  private final String advice;
  private final @Nullable LlmGatewayException lookupFailure;

  private TeamDiagnosis(
      LlmGatewayException error,
      @Nullable String teamStatus,
      @Nullable Long creditsRemaining,
      @Nullable String budgetMode,
      String advice,
      @Nullable LlmGatewayException lookupFailure) {
    this.error = error;
    this.teamStatus = teamStatus;
    this.creditsRemaining = creditsRemaining;
    this.budgetMode = budgetMode;
    this.advice = advice;
    this.lookupFailure = lookupFailure;
  }

  /** Reads the team's record and explains {@code error} with it; never fails for the read. */
  static GatewayCall<TeamDiagnosis> read(
      JobCalls calls, Sleeper sleeper, LlmGatewayException error) {
    return new ChainedCall<>(
        JobCalls.TEAMS_GET,
        sleeper,
        chain ->
            chain
                .send(calls.team())
                .handle(
                    (team, failure) -> {
                      Throwable lookup = failure == null ? null : ChainedCall.unwrap(failure);
                      if (lookup instanceof LlmGatewayException) {
                        return new TeamDiagnosis(
                            error,
                            null,
                            null,
                            null,
                            adviceFor(error, null, null),
                            (LlmGatewayException) lookup);
                      }
                      if (lookup != null) {
                        throw new java.util.concurrent.CompletionException(lookup);
                      }
                      String status = team.status();
                      long credits = team.creditsRemaining();
                      return new TeamDiagnosis(
                          error,
                          status,
                          credits,
                          team.budgetMode(),
                          adviceFor(error, status, credits),
                          null);
                    }));
  }

  /**
   * The diagnosis that {@code diagnoseForbidden(true)} attached to {@code error}, or null. It rides
   * as a suppressed exception, so logs print it under the 403's stack trace.
   */
  public static @Nullable TeamDiagnosis attachedTo(Throwable error) {
    for (Throwable s : error.getSuppressed()) {
      if (s instanceof Note) {
        return ((Note) s).diagnosis;
      }
    }
    return null;
  }

  /** With {@code diagnoseForbidden(true)}, attaches a diagnosis to a 403 and returns it. */
  static PermissionDeniedException enrich(
      SaasLiteLlmClient client, Endpoint endpoint, PermissionDeniedException error) {
    // The team read itself never answers 403; the check only keeps a diagnosis from recursing.
    if (client.config.diagnoseForbidden
        && !endpoint.equals(JobCalls.TEAMS_GET)
        && attachedTo(error) == null) {
      error.addSuppressed(new Note(client.diagnosisCall(error).execute()));
    }
    return error;
  }

  private static String adviceFor(
      LlmGatewayException error, @Nullable String status, @Nullable Long credits) {
    if (error instanceof TeamSuspendedException || "suspended".equalsIgnoreCase(status)) {
      return "The team is suspended. Contact your administrator.";
    }
    if (error instanceof TeamPausedException || "paused".equalsIgnoreCase(status)) {
      return "The team is paused. Contact your administrator to resume it.";
    }
    if (error instanceof InsufficientCreditsException || credits != null && credits <= 0) {
      return "Out of credits (" + credits + " remaining). Add credits to continue.";
    }
    if (error instanceof ModelAccessDeniedException) {
      return "The team has no access to this model. Check its access groups.";
    }
    if (error instanceof PermissionDeniedException) {
      return "Access denied. Check that the key belongs to this team.";
    }
    return "Not a permission problem: " + error.getClass().getSimpleName() + ".";
  }

  public LlmGatewayException error() {
    return error;
  }

  /** {@code active}, {@code suspended} or {@code paused}; null if the team could not be read. */
  public @Nullable String teamStatus() {
    return teamStatus;
  }

  public @Nullable Long creditsRemaining() {
    return creditsRemaining;
  }

  public @Nullable String budgetMode() {
    return budgetMode;
  }

  /** One sentence saying what to do. */
  public String advice() {
    return advice;
  }

  /** Why the team could not be read, if it could not. */
  public @Nullable LlmGatewayException lookupFailure() {
    return lookupFailure;
  }

  @Override
  public String toString() {
    return "TeamDiagnosis{status="
        + teamStatus
        + ", credits="
        + creditsRemaining
        + ", advice="
        + advice
        + "}";
  }

  /** Carries a diagnosis as a suppressed exception; no stack trace of its own. */
  private static final class Note extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient TeamDiagnosis diagnosis;

    Note(TeamDiagnosis diagnosis) {
      super(
          "team diagnosis: status "
              + diagnosis.teamStatus
              + ", "
              + diagnosis.creditsRemaining
              + " credits remaining. "
              + diagnosis.advice,
          null,
          false,
          false);
      this.diagnosis = diagnosis;
    }
  }
}
