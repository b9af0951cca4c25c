package io.llmgateway.cli;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.error.AuthenticationException;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.PermissionDeniedException;
import io.llmgateway.jobs.CreditBalance;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.jobs.TeamDiagnosis;
import io.llmgateway.jobs.TeamInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The SaaS team's lines of {@code llmgw doctor}: does the key reach the team, is the team active,
 * has it credits, may it use the model. A 403 is never "check the base URL": its cause (suspended,
 * paused, no credits, no model access) is named from the team's own record ({@code GET
 * /api/teams/{id}}, which answers even a suspended team; the job client's {@code diagnose}), on the
 * line it concerns, with its fix.
 */
final class TeamChecks {
  private static final String KEY_AND_TEAM = "key and team";

  private TeamChecks() {}

  static List<Check> run(GatewayOptions options, Env env, CallTally tally) {
    SaasLiteLlmClient client;
    try {
      client = Gateways.saas(options, env, tally);
    } catch (UsageException e) {
      return List.of(
          Check.fail(
              KEY_AND_TEAM,
              e.getMessage(),
              "pass --team or set SAAS_LITELLM_TEAM_ID",
              ExitCodes.USAGE));
    }
    try (client) {
      return run(client, options.model(env));
    }
  }

  private static List<Check> run(SaasLiteLlmClient client, String model) {
    String teamId = client.teamId();
    CreditBalance balance = null;
    PermissionDeniedException refused = null;
    try {
      balance = client.creditBalance();
    } catch (AuthenticationException e) {
      return List.of(
          Check.fail(
              KEY_AND_TEAM,
              "HTTP 401: " + e.serverMessage(),
              "check the virtual key for team " + teamId,
              ExitCodes.AUTH));
    } catch (PermissionDeniedException e) {
      refused = e; // a 403: the team's record says why
    } catch (LlmGatewayException e) {
      return List.of(
          Check.fail(
              KEY_AND_TEAM, e.getMessage(), "check the base URL, team and key", ExitCodes.of(e)));
    }
    TeamDiagnosis diagnosis = refused == null ? null : client.diagnose(refused);
    TeamInfo team = readTeam(client);
    String status = diagnosis != null ? diagnosis.teamStatus() : null;
    if (status == null && team != null) {
      status = team.status();
    }
    Long credits = diagnosis != null ? diagnosis.creditsRemaining() : null;
    if (credits == null) {
      credits =
          balance != null
              ? Long.valueOf(balance.creditsRemaining())
              : team == null ? null : team.creditsRemaining();
    }
    String why =
        refused == null ? "" : ": the gateway answers HTTP 403 \"" + refused.serverMessage() + "\"";
    String advice = diagnosis == null ? null : diagnosis.advice();

    List<Check> causes = new ArrayList<>();
    causes.add(status(teamId, status, why, advice));
    causes.add(credits(teamId, credits, balance, refused, why, advice));
    causes.add(modelAccess(teamId, team, model));
    boolean explained = causes.stream().anyMatch(c -> !c.ok());

    List<Check> checks = new ArrayList<>();
    if (refused == null) {
      checks.add(Check.pass(KEY_AND_TEAM, "team " + teamId + " accepted the key"));
    } else if (explained) {
      checks.add(
          Check.pass(
              KEY_AND_TEAM, "the key is team " + teamId + "'s; see below why it is refused"));
    } else {
      checks.add(
          Check.fail(
              KEY_AND_TEAM,
              "HTTP 403: " + refused.serverMessage(),
              advice == null ? "check that the key belongs to team " + teamId : advice,
              ExitCodes.of(refused)));
    }
    checks.addAll(causes);
    return checks;
  }

  private static Check status(
      String teamId, @Nullable String status, String why, @Nullable String advice) {
    String name = "team status";
    if (status == null) {
      return Check.pass(name, "not in the team's record");
    }
    String s = status.toLowerCase(Locale.ROOT);
    return switch (s) {
      case "suspended" ->
          Check.fail(
              name,
              "team " + teamId + " is suspended" + why,
              advice != null ? advice : "ask your administrator to reactivate the team",
              ExitCodes.AUTH);
      case "paused" ->
          Check.fail(
              name,
              "team " + teamId + " is paused" + why,
              advice != null ? advice : "ask your administrator to resume the team",
              ExitCodes.AUTH);
      default -> Check.pass(name, s);
    };
  }

  private static Check credits(
      String teamId,
      @Nullable Long remaining,
      @Nullable CreditBalance balance,
      @Nullable PermissionDeniedException refused,
      String why,
      @Nullable String advice) {
    String name = "credits";
    if (remaining == null) {
      return Check.pass(name, "not in the team's record");
    }
    if (remaining > 0 && !(refused instanceof InsufficientCreditsException)) {
      String of = balance == null ? "" : " of " + balance.creditsAllocated();
      return Check.pass(name, remaining + of + " remaining");
    }
    return Check.fail(
        name,
        "team " + teamId + " has " + remaining + " credits left" + why,
        refused instanceof InsufficientCreditsException && advice != null
            ? advice + " (ask your administrator to add credits to team " + teamId + ")"
            : "ask your administrator to add credits to team " + teamId,
        ExitCodes.BALANCE);
  }

  private static Check modelAccess(String teamId, @Nullable TeamInfo team, String model) {
    String name = "model access";
    if (team == null) {
      return Check.pass(name, "not checked: the team's record could not be read");
    }
    List<String> allowed = team.allowedModelAliases();
    if (allowed.contains(model)) {
      return Check.pass(name, "team " + teamId + " may use " + model);
    }
    return Check.fail(
        name,
        "team "
            + teamId
            + " may not use "
            + model
            + ": calls with it get HTTP 403 (its models: "
            + (allowed.isEmpty() ? "none" : String.join(", ", allowed))
            + ")",
        allowed.isEmpty()
            ? "ask your administrator to give the team's access group a model"
            : "use --model "
                + (allowed.contains(GatewayOptions.SAAS_DEFAULT_MODEL)
                    ? GatewayOptions.SAAS_DEFAULT_MODEL
                    : allowed.get(0))
                + ", or ask your administrator to add "
                + model
                + " to the team's access group",
        ExitCodes.AUTH);
  }

  private static @Nullable TeamInfo readTeam(SaasLiteLlmClient client) {
    try {
      return client.team();
    } catch (LlmGatewayException e) {
      return null;
    }
  }
}
