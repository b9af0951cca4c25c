package io.llmgateway.cli;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The same checklist for SaaS LiteLLM: URL, key, then the team (key accepted, status, credits,
 * model access; {@link TeamChecks}), then the retry settings.
 */
final class SaasDoctor {
  private SaasDoctor() {}

  static List<Check> run(GatewayOptions options, Env env, CallTally tally) {
    List<Check> checks = new ArrayList<>();
    Check base = BaseUrlCheck.check(options.baseUrl(env), false, options.allowInsecureHttp());
    checks.add(base);
    Check key = BaseUrlCheck.key(options.key(env), GatewayOptions.SAAS_KEY_ENV);
    checks.add(key);
    if (base.ok() && key.ok()) {
      checks.addAll(TeamChecks.run(options, env, tally));
    } else {
      checks.add(
          Check.fail("key and team", "not checked", "fix the lines above first", ExitCodes.USAGE));
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
}
