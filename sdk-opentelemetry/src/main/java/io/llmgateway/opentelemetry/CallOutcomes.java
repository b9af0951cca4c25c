package io.llmgateway.opentelemetry;

import io.llmgateway.cost.TokenUsage;
import io.llmgateway.metrics.CallFinished;
import io.llmgateway.metrics.CircuitStateChanged;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.metrics.StreamEnded;
import io.llmgateway.metrics.Throttled;
import io.llmgateway.metrics.UsageReported;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.semconv.ErrorAttributes;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What a call span learns after it starts: waits and circuit changes as span events, the answer's
 * model, tokens and cost as attributes, and how the call (or its stream) ended.
 */
final class CallOutcomes {
  void retry(CallSpans spans, RetryScheduled r) {
    spans.call.addEvent(
        SpanAttributes.EVENT_RETRY,
        Attributes.builder()
            .put(SpanAttributes.LLMGW_DELAY_MS, r.delay().toMillis())
            .put(SpanAttributes.LLMGW_RETRY_REASON, lower(r.reason().name()))
            .put(ErrorAttributes.ERROR_TYPE, r.errorType())
            .put(SpanAttributes.LLMGW_ATTEMPT, (long) r.attempt())
            .build(),
        CallSpans.nanos(r.time()),
        TimeUnit.NANOSECONDS);
  }

  void throttled(CallSpans spans, Throttled t) {
    spans.call.addEvent(
        SpanAttributes.EVENT_THROTTLED,
        Attributes.of(SpanAttributes.LLMGW_DELAY_MS, t.delay().toMillis()),
        CallSpans.nanos(t.time()),
        TimeUnit.NANOSECONDS);
  }

  void circuitChanged(CallSpans spans, CircuitStateChanged c) {
    spans.call.addEvent(
        SpanAttributes.EVENT_CIRCUIT,
        Attributes.of(
            SpanAttributes.LLMGW_CIRCUIT_FROM, lower(c.from().name()),
            SpanAttributes.LLMGW_CIRCUIT_TO, lower(c.to().name())),
        CallSpans.nanos(c.time()),
        TimeUnit.NANOSECONDS);
  }

  void usage(CallSpans spans, UsageReported u) {
    Span call = spans.call;
    if (!u.model().isEmpty()) {
      call.setAttribute(SpanAttributes.GEN_AI_RESPONSE_MODEL, u.model());
    }
    TokenUsage used = u.usage();
    if (used != null) {
      // SaaS LiteLLM answers give a total only: set the split only when the answer had one.
      if (used.promptTokens() + used.completionTokens() == used.totalTokens()) {
        call.setAttribute(SpanAttributes.GEN_AI_USAGE_INPUT_TOKENS, used.promptTokens());
        call.setAttribute(SpanAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, used.completionTokens());
      }
      call.setAttribute(SpanAttributes.LLMGW_USAGE_TOTAL_TOKENS, used.totalTokens());
    }
    BigDecimal usd = u.cost().usd();
    if (usd != null) {
      call.setAttribute(SpanAttributes.LLMGW_COST_USD, plain(usd));
    }
  }

  /**
   * The call ended. A stream's call ends when the stream opened: its span stays open for {@link
   * #streamEnded}, with an event marking the first chunk.
   */
  void finished(CallSpans spans, CallFinished f, boolean streamOpened) {
    Span call = spans.call;
    call.setAttribute(SpanAttributes.LLMGW_ATTEMPTS, (long) f.attempts());
    Throwable error = f.error();
    if (error != null) {
      call.setAttribute(ErrorAttributes.ERROR_TYPE, error.getClass().getSimpleName());
      call.recordException(error); // the SDK's errors are redacted: no key in the message
      call.setStatus(StatusCode.ERROR);
    }
    if (streamOpened) {
      call.addEvent(
          SpanAttributes.EVENT_STREAM_OPENED, CallSpans.nanos(f.time()), TimeUnit.NANOSECONDS);
      Span attempt = spans.takeAttempt();
      if (attempt != null) {
        attempt.end(CallSpans.nanos(f.time()), TimeUnit.NANOSECONDS);
      }
    } else {
      spans.end(f.time());
    }
  }

  void streamEnded(CallSpans spans, StreamEnded e) {
    Span call = spans.call;
    call.setAttribute(SpanAttributes.LLMGW_STREAM_CHUNKS, (long) e.chunks());
    String error = e.errorType();
    if (error != null) {
      call.setAttribute(ErrorAttributes.ERROR_TYPE, error);
      call.setStatus(StatusCode.ERROR);
    }
    spans.end(e.time());
  }

  /** USD as people write it: {@code 0.000003}, never {@code 3E-6}. */
  static String plain(BigDecimal usd) {
    return usd.signum() == 0 ? "0" : usd.stripTrailingZeros().toPlainString();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
