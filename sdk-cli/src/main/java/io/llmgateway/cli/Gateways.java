package io.llmgateway.cli;

import io.llmgateway.cli.hiveops.HiveOpsChat;
import io.llmgateway.error.Provider;
import io.llmgateway.jobs.SaasLiteLlmClient;
import io.llmgateway.pipeline.ResilientExecutor;
import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.retry.RetryPolicy;
import okhttp3.OkHttpClient;

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
    ResilientExecutor executor =
        ResilientExecutor.builder()
            .provider(Provider.HIVEOPS)
            .retryPolicy(retryPolicy)
            .rateLimiter(RateLimiter.of(RateLimitConfig.hiveOps()))
            .listener(tally)
            .clock(env.clock())
            .sleeper(env.sleeper())
            .logging(false)
            .build();
    return new HiveOpsChat(options.requireBaseUrl(env), key, executor, new OkHttpClient());
  }
}
