package io.llmgateway.cli;

import io.llmgateway.cli.hiveops.HiveOpsChat;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.retry.RetryPolicy;

/** Builds the SDK clients a command uses from its flags, with the command's tally as listener. */
public final class Gateways {
  private Gateways() {}

  public static SaasLiteLlmClient saas(GatewayOptions options, Env env, CallTally tally) {
    String baseUrl = options.requireBaseUrl(env);
    String key = options.requireKey(env);
    try {
      return SaasLiteLlmClient.builder()
          .baseUrl(baseUrl)
          .teamId(options.team(env))
          .virtualKey(key)
          .listener(tally)
          .sleeper(env.sleeper())
          .clock(env.clock())
          .build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException(Keys.scrub(e.getMessage(), key));
    }
  }

  public static HiveOpsChat hiveOps(GatewayOptions options, Env env, CallTally tally) {
    return hiveOps(options, env, tally, RetryPolicy.hiveOps());
  }

  public static HiveOpsChat hiveOps(
      GatewayOptions options, Env env, CallTally tally, RetryPolicy retryPolicy) {
    String key = options.requireKey(env);
    try {
      return new HiveOpsChat(
          HiveOpsChat.builder(options.requireBaseUrl(env), key, tally, env.clock(), env.sleeper())
              .retryPolicy(retryPolicy)
              .build());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException(Keys.scrub(String.valueOf(e.getMessage()), key));
    }
  }
}
