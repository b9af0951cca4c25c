package io.llmgateway.cli;

import io.llmgateway.error.AuthenticationException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.jobs.CreditBalance;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;

/** The same checklist for SaaS LiteLLM: URL, key, team, credits, retry settings. */
final class SaasDoctor {
  private SaasDoctor() {}

  static List<Check> run(GatewayOptions options, Env env, CallTally tally) {
    List<Check> checks = new ArrayList<>();
    Check base = BaseUrlCheck.check(options.baseUrl(env), false);
    checks.add(base);
    Check key = BaseUrlCheck.key(options.key(env), GatewayOptions.SAAS_KEY_ENV);
    checks.add(key);
    if (base.ok() && key.ok()) {
      checks.addAll(credits(options, env, tally));
    } else {
      checks.add(
          Check.fail("credits", "not checked", "fix the lines above first", ExitCodes.USAGE));
    }
    RetryPolicy policy = RetryPolicy.saasLiteLlm();
    checks.add(
        Check.pass(
            "retry settings",
            policy.maxAttempts()
                + " attempts for 429/500/503/timeouts, backoff 1 s doubling, +-25 % jitter;"
                + " 400/401/403/404/422 never retried; complete never charged twice"));
    return checks;
  }

  private static List<Check> credits(GatewayOptions options, Env env, CallTally tally) {
    List<Check> checks = new ArrayList<>();
    try {
      SaasLiteLlmClient client = Gateways.saas(options, env, tally);
      CreditBalance balance = client.creditBalance();
      checks.add(Check.pass("key and team", "team " + balance.teamId() + " accepted the key"));
      if (balance.creditsRemaining() > 0) {
        checks.add(
            Check.pass(
                "credits",
                balance.creditsRemaining() + " of " + balance.creditsAllocated() + " remaining"));
      } else {
        checks.add(
            Check.fail(
                "credits",
                "0 remaining",
                "ask the admin to add credits to team " + balance.teamId(),
                ExitCodes.BALANCE));
      }
    } catch (UsageException e) {
      checks.add(
          Check.fail(
              "key and team",
              e.getMessage(),
              "pass --team or set SAAS_LITELLM_TEAM_ID",
              ExitCodes.USAGE));
    } catch (AuthenticationException e) {
      checks.add(
          Check.fail(
              "key and team",
              "HTTP 401: " + e.serverMessage(),
              "check the virtual key for this team",
              ExitCodes.AUTH));
    } catch (LlmGatewayException e) {
      checks.add(
          Check.fail(
              "key and team", e.getMessage(), "check the base URL, team and key", ExitCodes.of(e)));
    }
    return checks;
  }
}
