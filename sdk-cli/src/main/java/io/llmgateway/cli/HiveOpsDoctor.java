package io.llmgateway.cli;

import io.llmgateway.cli.console.CallTally;
import io.llmgateway.cli.console.Env;
import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Result;
import io.llmgateway.cli.hiveops.ChatReply;
import io.llmgateway.cli.hiveops.HiveOpsChat;
import io.llmgateway.cli.hiveops.HiveOpsModels;
import io.llmgateway.error.AuthenticationException;
import io.llmgateway.error.BadRequestException;
import io.llmgateway.error.InsufficientCreditsException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.ModelAccessDeniedException;
import io.llmgateway.error.PermissionDeniedException;
import io.llmgateway.error.RateLimitedException;
import io.llmgateway.ratelimit.RateLimitSnapshot;
import io.llmgateway.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The HiveOps guide's debugging checklist, automated. */
final class HiveOpsDoctor {
  private HiveOpsDoctor() {}

  static List<Check> run(GatewayOptions options, Env env, CallTally tally) {
    List<Check> checks = new ArrayList<>();
    String url = options.baseUrl(env);
    Check base = BaseUrlCheck.check(url, true, options.allowInsecureHttp());
    checks.add(base);
    String key = options.key(env);
    Check keyFormat = BaseUrlCheck.key(key, GatewayOptions.HIVEOPS_KEY_ENV);
    checks.add(keyFormat);
    String model = options.model(env);
    String mapped = HiveOpsModels.map(model);
    if (!mapped.equals(model)) {
      checks.add(
          Check.fail(
              "model name",
              model + " is an OpenAI name",
              "use " + mapped + " (guide's mapping table)",
              ExitCodes.OTHER));
    } else {
      checks.add(
          Check.pass(
              "model name",
              model
                  + (HiveOpsModels.KNOWN.contains(model)
                      ? " (in the guide's list)"
                      : " (not in the guide's list; the probe decides)")));
    }
    if (!base.ok() || !keyFormat.ok()) {
      checks.add(
          Check.fail("balance", "not checked", "fix the lines above first", ExitCodes.USAGE));
    } else {
      checks.addAll(probe(options, env, tally, mapped));
    }
    RetryPolicy policy = RetryPolicy.hiveOps();
    checks.add(
        Check.pass(
            "retry settings",
            "429 up to "
                + policy
                    .attemptsByClass()
                    .getOrDefault(RateLimitedException.class, policy.maxAttempts())
                + " attempts, 500/503 up to "
                + policy.maxAttempts()
                + ", backoff 2^n s + 0-1 s; 400/401/403 never retried"));
    return checks;
  }

  /**
   * One {@code max_tokens=1} call, without retries: key, balance, model and rate-limit headroom.
   */
  private static List<Check> probe(GatewayOptions options, Env env, CallTally tally, String model) {
    List<Check> checks = new ArrayList<>();
    try (HiveOpsChat hive = Gateways.hiveOps(options, env, tally, RetryPolicy.none())) {
      ChatReply reply = hive.chat(model, "test", 1);
      checks.add(Check.pass("key accepted", "a max_tokens=1 call went through"));
      checks.add(
          Check.pass(
              "balance", "positive (the probe call was charged " + usd(reply.cost().usd()) + ")"));
      checks.add(headroom(reply.rateLimit(), env.clock().instant()));
    } catch (AuthenticationException e) {
      checks.add(
          Check.fail(
              "key accepted",
              "HTTP 401: " + e.serverMessage(),
              "check the key; keys expire after 90 days (Dashboard -> API Keys)",
              ExitCodes.AUTH));
    } catch (InsufficientCreditsException e) {
      checks.add(Check.pass("key accepted", "the server knows the key"));
      checks.add(
          Check.fail(
              "balance",
              "HTTP 403 insufficient_balance",
              "add funds at https://hiveops.io/developer/billing",
              ExitCodes.BALANCE));
    } catch (RateLimitedException e) {
      checks.add(
          Check.fail(
              "rate-limit headroom",
              "HTTP 429 now"
                  + (e.retryAfter() == null
                      ? ""
                      : ", retry after " + e.retryAfter().toSeconds() + " s"),
              "stay under 60 requests/min; let the SDK throttle from the headers",
              ExitCodes.RATE_LIMITED));
    } catch (BadRequestException e) {
      checks.add(
          Check.fail(
              "model accepted",
              "HTTP 400: " + e.serverMessage(),
              "use " + HiveOpsModels.DEFAULT_MODEL,
              ExitCodes.OTHER));
    } catch (ModelAccessDeniedException e) {
      checks.add(Check.pass("key accepted", "the server knows the key"));
      checks.add(
          Check.fail(
              "model access",
              "HTTP 403: " + e.serverMessage(),
              "use a model this key may call (e.g. " + HiveOpsModels.DEFAULT_MODEL + ")",
              ExitCodes.AUTH));
    } catch (PermissionDeniedException e) {
      checks.add(
          Check.fail(
              "key accepted",
              "HTTP 403: " + e.serverMessage(),
              "the gateway knows the key but refuses it: check the account at Dashboard -> API Keys",
              ExitCodes.AUTH));
    } catch (LlmGatewayException e) {
      checks.add(
          Check.fail(
              "gateway reachable",
              e.getMessage(),
              "check the base URL and your network",
              ExitCodes.of(e)));
    }
    return checks;
  }

  private static String usd(java.math.@org.jspecify.annotations.Nullable BigDecimal amount) {
    return amount == null ? "an unknown amount" : "$" + Result.money(amount);
  }

  static Check headroom(RateLimitSnapshot limits, Instant now) {
    Long limit = limits.limitRequests();
    Long remaining = limits.remainingRequests();
    if (limit == null || remaining == null) {
      return Check.pass("rate-limit headroom", "no X-RateLimit headers; assume 60 requests/min");
    }
    Instant reset = limits.resetRequests();
    String resets =
        reset == null
            ? ""
            : ", resets in " + Math.max(0, Duration.between(now, reset).toSeconds()) + " s";
    String detail = remaining + " of " + limit + " requests left" + resets;
    if (remaining * 10 < limit) {
      return Check.fail(
          "rate-limit headroom", detail, "slow down or wait for the reset", ExitCodes.RATE_LIMITED);
    }
    return Check.pass("rate-limit headroom", detail);
  }
}
