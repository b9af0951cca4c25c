package io.llmgateway.opentelemetry;

import io.llmgateway.metrics.AttemptFinished;
import io.llmgateway.metrics.AttemptStarted;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The child span of each attempt: one HTTP request, after the {@code http.*} client conventions
 * ({@code http.request.method}, {@code http.request.resend_count} from the second attempt on,
 * {@code http.response.status_code} of a failure, {@code error.type}).
 */
final class AttemptSpans {
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  private final Tracer tracer;

  AttemptSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  void started(CallSpans spans, AttemptStarted a) {
    // Named as the endpoint names its request, e.g. "POST /api/jobs/{id}/llm-call": low
    // cardinality.
    SpanBuilder builder =
        tracer
            .spanBuilder(a.endpoint().name())
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.root().with(spans.call))
            .setStartTimestamp(CallSpans.nanos(a.time()), TimeUnit.NANOSECONDS)
            .setAttribute(SpanAttributes.LLMGW_ATTEMPT, (long) a.attempt());
    String method = method(a.endpoint().name());
    if (method != null) {
      builder.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method);
    }
    if (a.attempt() > 1) {
      builder.setAttribute(HttpAttributes.HTTP_REQUEST_RESEND_COUNT, (long) a.attempt() - 1);
    }
    spans.attemptStarted(builder.startSpan(), a.time());
  }

  void finished(CallSpans spans, AttemptFinished a) {
    Span span = spans.takeAttempt();
    if (span == null) {
      return;
    }
    Integer status = a.status();
    if (status != null) {
      span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    String error = a.errorType();
    if (error != null) {
      span.setAttribute(ErrorAttributes.ERROR_TYPE, error);
      span.setStatus(StatusCode.ERROR);
    }
    span.end(CallSpans.nanos(a.time()), TimeUnit.NANOSECONDS);
  }

  private static @org.jspecify.annotations.Nullable String method(String endpointName) {
    int space = endpointName.indexOf(' ');
    String first = (space < 0 ? endpointName : endpointName.substring(0, space));
    String upper = first.toUpperCase(Locale.ROOT);
    return METHODS.contains(upper) ? upper : null;
  }
}
