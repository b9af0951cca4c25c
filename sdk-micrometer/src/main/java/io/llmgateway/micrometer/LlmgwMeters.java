package io.llmgateway.micrometer;

/**
 * The names and tag keys of the meters {@link MicrometerCallListener} records, in Micrometer's dot
 * case (a registry renders them its own way: {@code llmgw_calls_seconds} in Prometheus). Every
 * meter carries {@link #GATEWAY} and {@link #ENDPOINT}; the others are listed per meter.
 */
public final class LlmgwMeters {
  /** Timer: logical calls, retries and waits included; tags outcome, error.type. */
  public static final String CALLS = "llmgw.calls";

  /** Timer: attempts sent; tags outcome, error.type, status (the HTTP status of a failure). */
  public static final String ATTEMPTS = "llmgw.attempts";

  /** Counter: retries scheduled; tags reason (backoff, server_hint), error.type. */
  public static final String RETRIES = "llmgw.retries";

  /** Timer: the wait before each retry. */
  public static final String RETRY_WAIT = "llmgw.retry.wait";

  /** Timer: each wait the rate limiter imposed before an attempt. */
  public static final String THROTTLE_WAIT = "llmgw.throttle.wait";

  /** Gauge: 1 for the breaker's current state, 0 for the others; tag state. */
  public static final String CIRCUIT_STATE = "llmgw.circuit.state";

  /** Counter: breaker state changes; tags from, to. */
  public static final String CIRCUIT_TRANSITIONS = "llmgw.circuit.transitions";

  /**
   * Counter: tokens the answers reported; tags model, type ({@code input}, {@code output}, or
   * {@code total} when an answer gives only a total, as SaaS LiteLLM's do).
   */
  public static final String TOKENS = "llmgw.tokens";

  /** Counter: USD the answers cost, where the price is known; tag model. */
  public static final String COST = "llmgw.cost";

  /** Counter: answers whose cost is unknown (no price for the model); tag model. */
  public static final String COST_UNKNOWN = "llmgw.cost.unknown";

  /** Timer: streams from the call's start to the stream's end; tags outcome, error.type. */
  public static final String STREAMS = "llmgw.streams";

  /** Distribution summary: chunks per stream. */
  public static final String STREAM_CHUNKS = "llmgw.stream.chunks";

  /** The gateway family: {@code saas-litellm}, {@code hiveops} or {@code openai-compatible}. */
  public static final String GATEWAY = "gateway";

  /** The endpoint id, e.g. {@code jobs.llm-call} or {@code chat.completions}. */
  public static final String ENDPOINT = "endpoint";

  /** {@code success} or {@code error}. */
  public static final String OUTCOME = "outcome";

  /** The simple class name of the error, e.g. {@code RateLimitedException}; {@code none}. */
  public static final String ERROR_TYPE = "error.type";

  public static final String STATUS = "status";
  public static final String REASON = "reason";
  public static final String STATE = "state";
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String MODEL = "model";
  public static final String TOKEN_TYPE = "type";

  /** The value of tags that do not apply, e.g. error.type on a success. */
  public static final String NONE = "none";

  private LlmgwMeters() {}
}
