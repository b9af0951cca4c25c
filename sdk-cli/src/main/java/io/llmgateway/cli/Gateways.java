package io.llmgateway.cli;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.Keys;
import io.llmgateway.cli.hiveops.HiveOpsChat;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.retry.RetryPolicy;

/**
 * Builds the SDK clients a command uses from its flags, with the command's tally as listener and
 * its waits said on stderr ({@link WaitProgress}).
 */
public final class Gateways {
  private Gateways() {}

  public static SaasLiteLlmClient saas(GatewayOptions options, Env env, CallTally tally) {
    String baseUrl = options.requireBaseUrl(env);
    String key = options.requireKey(env);
    WaitProgress progress = new WaitProgress(env.err(), env.sleeper());
    try {
      return SaasLiteLlmClient.builder()
          .baseUrl(baseUrl)
          .teamId(options.team(env))
          .virtualKey(key)
          .listener(tally)
          .listener(progress)
          .sleeper(progress)
          .clock(env.clock())
          .allowInsecureHttp(options.allowInsecureHttp())
          .build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException(refusal(e, key));
    }
  }

  public static HiveOpsChat hiveOps(GatewayOptions options, Env env, CallTally tally) {
    return hiveOps(options, env, tally, RetryPolicy.hiveOps());
  }

  public static HiveOpsChat hiveOps(
      GatewayOptions options, Env env, CallTally tally, RetryPolicy retryPolicy) {
    String key = options.requireKey(env);
    WaitProgress progress = new WaitProgress(env.err(), env.sleeper());
    try {
      return new HiveOpsChat(
          HiveOpsChat.builder(options.requireBaseUrl(env), key, tally, env.clock(), progress)
              .listener(progress)
              .retryPolicy(retryPolicy)
              .allowInsecureHttp(options.allowInsecureHttp())
              .build());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException(refusal(e, key));
    }
  }

  /** A builder's refusal, without the key, naming the flag where the SDK names its setter. */
  private static String refusal(RuntimeException e, String key) {
    return Keys.scrub(String.valueOf(e.getMessage()), key)
        .replace("allowInsecureHttp(true)", "--allow-insecure-http");
  }
}
