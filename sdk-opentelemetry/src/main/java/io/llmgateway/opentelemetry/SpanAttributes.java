package io.llmgateway.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The span attribute keys the listener sets beyond the stable {@code http.*} and {@code error.type}
 * ones (those come from {@code opentelemetry-semconv}). The {@code gen_ai.*} keys are copied, not
 * taken from {@code opentelemetry-semconv-incubating}: OpenTelemetry asks libraries not to depend
 * on the incubating artifact, whose keys may change in any release. The {@code llmgw.*} keys are
 * this SDK's own.
 */
public final class SpanAttributes {
  /** The gateway family, e.g. {@code hiveops} (semantic conventions up to 1.36). */
  public static final AttributeKey<String> GEN_AI_SYSTEM = AttributeKey.stringKey("gen_ai.system");

  /** The same as {@link #GEN_AI_SYSTEM}, under its name since semantic conventions 1.37. */
  public static final AttributeKey<String> GEN_AI_PROVIDER_NAME =
      AttributeKey.stringKey("gen_ai.provider.name");

  /** {@code chat} on chat endpoints (llm-call, create-and-call, chat completions, streams). */
  public static final AttributeKey<String> GEN_AI_OPERATION_NAME =
      AttributeKey.stringKey("gen_ai.operation.name");

  /** The model that answered, as the answer named it. */
  public static final AttributeKey<String> GEN_AI_RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");

  public static final AttributeKey<Long> GEN_AI_USAGE_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");

  public static final AttributeKey<Long> GEN_AI_USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");

  /** All tokens the answer reported (SaaS LiteLLM reports only this, no input/output split). */
  public static final AttributeKey<Long> LLMGW_USAGE_TOTAL_TOKENS =
      AttributeKey.longKey("llmgw.usage.total_tokens");

  /** USD as a plain decimal string (never {@code 3.0E-6}); absent when the cost is unknown. */
  public static final AttributeKey<String> LLMGW_COST_USD =
      AttributeKey.stringKey("llmgw.cost.usd");

  /** The SDK's endpoint id, e.g. {@code jobs.llm-call} or {@code chat.completions}. */
  public static final AttributeKey<String> LLMGW_ENDPOINT =
      AttributeKey.stringKey("llmgw.endpoint");

  /** The client request id, the same on every attempt of a call (the x-client-request-id). */
  public static final AttributeKey<String> LLMGW_REQUEST_ID =
      AttributeKey.stringKey("llmgw.request_id");

  /** On a call span: attempts sent (0 when the throttle or the breaker refused the call). */
  public static final AttributeKey<Long> LLMGW_ATTEMPTS = AttributeKey.longKey("llmgw.attempts");

  /** On an attempt span: its number, 1 for the first. */
  public static final AttributeKey<Long> LLMGW_ATTEMPT = AttributeKey.longKey("llmgw.attempt");

  /** On a stream's call span: the chunks that arrived. */
  public static final AttributeKey<Long> LLMGW_STREAM_CHUNKS =
      AttributeKey.longKey("llmgw.stream.chunks");

  /**
   * True on a call span ended by the listener, not by its call: it was still open when the listener
   * had to let it go (too many calls in flight, or open longer than allowed).
   */
  public static final AttributeKey<Boolean> LLMGW_INCOMPLETE =
      AttributeKey.booleanKey("llmgw.incomplete");

  /** On the retry and throttle span events: the wait, in milliseconds. */
  public static final AttributeKey<Long> LLMGW_DELAY_MS = AttributeKey.longKey("llmgw.delay_ms");

  /** On the retry span event: {@code backoff} or {@code server_hint}. */
  public static final AttributeKey<String> LLMGW_RETRY_REASON =
      AttributeKey.stringKey("llmgw.retry.reason");

  /** On the circuit span event: the breaker's state before and after. */
  public static final AttributeKey<String> LLMGW_CIRCUIT_FROM =
      AttributeKey.stringKey("llmgw.circuit.from");

  public static final AttributeKey<String> LLMGW_CIRCUIT_TO =
      AttributeKey.stringKey("llmgw.circuit.to");

  /** Span event: a retry was scheduled. */
  public static final String EVENT_RETRY = "llmgw.retry";

  /** Span event: the rate limiter made the call wait. */
  public static final String EVENT_THROTTLED = "llmgw.throttled";

  /** Span event: the endpoint's circuit breaker changed state while the call was in flight. */
  public static final String EVENT_CIRCUIT = "llmgw.circuit.state_change";

  /** Span event: a stream's call finished, its first chunk arrived; the span lasts to its end. */
  public static final String EVENT_STREAM_OPENED = "llmgw.stream.opened";

  private SpanAttributes() {}
}
