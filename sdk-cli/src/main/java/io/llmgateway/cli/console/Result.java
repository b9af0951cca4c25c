package io.llmgateway.cli.console;

import io.llmgateway.error.LlmGatewayException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One command's outcome, in the stable shape {@code --json} prints: {@code ok}, {@code command},
 * {@code provider}, {@code attempts}, {@code waited_ms}, {@code latency_ms}, {@code startup_ms},
 * {@code cost_usd}, then command fields, and {@code error} on failure. Money is a plain decimal
 * string ({@code "0.000003"}): a JSON number would lose digits or read {@code 3.0E-6}.
 */
public final class Result {
  private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();
  private final int exitCode;

  private Result(String command, String provider, int exitCode) {
    this.exitCode = exitCode;
    fields.put("ok", exitCode == ExitCodes.OK);
    fields.put("command", command);
    fields.put("provider", provider);
    fields.put("attempts", 0L);
    fields.put("waited_ms", 0L);
    fields.put("latency_ms", 0L);
    fields.put("startup_ms", 0L);
    fields.put("cost_usd", null);
  }

  public static Result ok(String command, String provider) {
    return new Result(command, provider, ExitCodes.OK);
  }

  /** A failed result with the given exit code and no gateway error (usage, failed check). */
  public static Result failed(String command, String provider, int exitCode, String message) {
    Result r = new Result(command, provider, exitCode);
    Map<String, @Nullable Object> error = new LinkedHashMap<>();
    error.put("kind", exitCode == ExitCodes.USAGE ? "usage" : "check_failed");
    error.put("status", null);
    error.put("code", null);
    error.put("retryable", false);
    error.put("retry_after_ms", null);
    error.put("message", message);
    r.fields.put("error", error);
    return r;
  }

  public static Result failed(String command, String provider, LlmGatewayException e) {
    Result r = new Result(command, provider, ExitCodes.of(e));
    Map<String, @Nullable Object> error = new LinkedHashMap<>();
    error.put("kind", kind(e));
    error.put("status", e.status());
    error.put("code", e.code());
    error.put("retryable", e.isRetryable());
    Duration retryAfter = e.retryAfter();
    error.put("retry_after_ms", retryAfter == null ? null : retryAfter.toMillis());
    error.put("message", e.getMessage());
    r.fields.put("error", error);
    return r;
  }

  /** {@code RateLimitedException} becomes {@code rate_limited}. */
  public static String kind(LlmGatewayException e) {
    String name = e.getClass().getSimpleName().replaceFirst("Exception$", "");
    return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  public Result tally(CallTally tally) {
    fields.put("attempts", tally.attempts());
    fields.put("waited_ms", tally.waitedMs());
    return this;
  }

  /** The calls alone: from the first request's start to the last answer's (or stream's) end. */
  public Result latencyMs(long latencyMs) {
    fields.put("latency_ms", latencyMs);
    return this;
  }

  /** Before the first request: building the clients (or starting the embedded fake). */
  public Result startupMs(long startupMs) {
    fields.put("startup_ms", startupMs);
    return this;
  }

  public Result costUsd(@Nullable BigDecimal cost) {
    fields.put("cost_usd", cost == null ? null : money(cost));
    return this;
  }

  /** Adds a command field; numbers, strings, booleans, lists and maps of those. */
  public Result put(String name, @Nullable Object value) {
    fields.put(name, value instanceof BigDecimal d ? money(d) : value);
    return this;
  }

  /** {@code 0.000003}, never {@code 3.0E-6} nor {@code 0.0000030000}. */
  public static String money(BigDecimal amount) {
    return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
  }

  public boolean ok() {
    return exitCode == ExitCodes.OK;
  }

  public int exitCode() {
    return exitCode;
  }

  public Map<String, @Nullable Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  public @Nullable Object get(String name) {
    return fields.get(name);
  }
}
