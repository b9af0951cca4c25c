package io.llmgateway.opentelemetry;

import static io.llmgateway.opentelemetry.SpanAttributes.GEN_AI_OPERATION_NAME;
import static io.llmgateway.opentelemetry.SpanAttributes.GEN_AI_PROVIDER_NAME;
import static io.llmgateway.opentelemetry.SpanAttributes.GEN_AI_SYSTEM;
import static io.llmgateway.opentelemetry.SpanAttributes.LLMGW_ENDPOINT;
import static io.llmgateway.opentelemetry.SpanAttributes.LLMGW_REQUEST_ID;

import io.llmgateway.metrics.AttemptFinished;
import io.llmgateway.metrics.AttemptStarted;
import io.llmgateway.metrics.CallEvent;
import io.llmgateway.metrics.CallFinished;
import io.llmgateway.metrics.CallListener;
import io.llmgateway.metrics.CallStarted;
import io.llmgateway.metrics.CircuitStateChanged;
import io.llmgateway.metrics.RetryScheduled;
import io.llmgateway.metrics.StreamEnded;
import io.llmgateway.metrics.Throttled;
import io.llmgateway.metrics.UsageReported;
import io.llmgateway.pipeline.Endpoint;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.SchemaUrls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Traces every call of a client with OpenTelemetry: one line to install,
 *
 * <pre>{@code
 * HiveOpsClient.builder()...listener(OpenTelemetryCallListener.of(openTelemetry)).build();
 * SaasLiteLlmClient.builder()...listener(OpenTelemetryCallListener.of(openTelemetry)).build();
 * }</pre>
 *
 * <p>Each call is a {@code CLIENT} span (named {@code chat} on chat endpoints, else the endpoint
 * id) from its start to its end, retries and waits included, and for a stream to the stream's own
 * end; each attempt is a child {@code CLIENT} span named after its HTTP request. Attributes follow
 * the {@code gen_ai.*} and {@code http.*} semantic conventions where they apply, plus the cost and
 * the SDK's own facts under {@code llmgw.*} ({@link SpanAttributes}). A call span's parent is the
 * span current on the thread that started the call.
 *
 * <p>Thread-safe; share one instance between clients. Open spans are kept by request id, at most
 * {@link Builder#maxCallsInFlight} of them and none longer than {@link Builder#maxCallDuration}: a
 * call whose events stop is ended then, marked {@code llmgw.incomplete}. It never throws into a
 * call.
 */
public final class OpenTelemetryCallListener implements CallListener {
  static final String INSTRUMENTATION_NAME = "io.llmgateway.opentelemetry";

  private static final Set<Endpoint> CHAT =
      Set.of(
          Endpoint.JOBS_LLM_CALL,
          Endpoint.JOBS_LLM_CALL_STREAM,
          Endpoint.JOBS_CREATE_AND_CALL,
          Endpoint.JOBS_CREATE_AND_CALL_STREAM,
          Endpoint.CHAT_COMPLETIONS,
          Endpoint.CHAT_COMPLETIONS_STREAM);

  private final Tracer tracer;
  private final Clock clock;
  private final InFlightCalls inFlight;
  private final AttemptSpans attempts;
  private final CallOutcomes outcomes;

  private OpenTelemetryCallListener(Builder b) {
    this.tracer =
        b.openTelemetry
            .tracerBuilder(INSTRUMENTATION_NAME)
            .setSchemaUrl(SchemaUrls.V1_37_0)
            .build();
    this.clock = b.clock;
    this.inFlight = new InFlightCalls(b.maxCallsInFlight, b.maxCallDuration);
    this.attempts = new AttemptSpans(tracer);
    this.outcomes = new CallOutcomes();
  }

  /** A listener with the default bounds (10,000 calls in flight, 30 minutes each). */
  public static OpenTelemetryCallListener of(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  @Override
  public void onEvent(CallEvent event) {
    try {
      trace(event);
    } catch (RuntimeException e) {
      // Tracing is never worth a failed call; a broken exporter or SDK loses this event only.
    }
  }

  private void trace(CallEvent event) {
    if (event instanceof CallStarted s) {
      started(s);
      return;
    }
    if (event instanceof CircuitStateChanged c) {
      inFlight.forEach(
          spans -> {
            if (spans.provider == c.provider() && spans.endpoint.equals(c.endpoint())) {
              outcomes.circuitChanged(spans, c);
            }
          });
      return;
    }
    String requestId = requestId(event);
    CallSpans spans =
        event instanceof StreamEnded ? inFlight.remove(requestId) : inFlight.get(requestId);
    if (spans == null) {
      return; // started before this listener, or already let go
    }
    if (event instanceof AttemptStarted a) {
      attempts.started(spans, a);
    } else if (event instanceof AttemptFinished a) {
      attempts.finished(spans, a);
    } else if (event instanceof RetryScheduled r) {
      outcomes.retry(spans, r);
    } else if (event instanceof Throttled t) {
      outcomes.throttled(spans, t);
    } else if (event instanceof UsageReported u) {
      outcomes.usage(spans, u);
    } else if (event instanceof CallFinished f) {
      boolean streamOpened = f.success() && f.endpoint().streaming();
      if (!streamOpened) {
        inFlight.remove(requestId);
      }
      outcomes.finished(spans, f, streamOpened);
    } else if (event instanceof StreamEnded e) {
      outcomes.streamEnded(spans, e);
    }
  }

  private void started(CallStarted s) {
    boolean chat = CHAT.contains(s.endpoint());
    var builder =
        tracer
            .spanBuilder(chat ? "chat" : s.endpoint().id())
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.current())
            .setStartTimestamp(CallSpans.nanos(s.time()), TimeUnit.NANOSECONDS)
            .setAttribute(GEN_AI_SYSTEM, s.provider().id())
            .setAttribute(GEN_AI_PROVIDER_NAME, s.provider().id())
            .setAttribute(LLMGW_ENDPOINT, s.endpoint().id())
            .setAttribute(LLMGW_REQUEST_ID, s.requestId());
    if (chat) {
      builder.setAttribute(GEN_AI_OPERATION_NAME, "chat");
    }
    Span span = builder.startSpan();
    Instant now = clock.instant();
    List<CallSpans> dropped =
        inFlight.start(s.requestId(), new CallSpans(span, s.provider(), s.endpoint(), now));
    for (CallSpans old : dropped) {
      old.call.setAttribute(SpanAttributes.LLMGW_INCOMPLETE, true);
      old.end(now);
    }
  }

  private static String requestId(CallEvent event) {
    if (event instanceof AttemptStarted e) {
      return e.requestId();
    } else if (event instanceof AttemptFinished e) {
      return e.requestId();
    } else if (event instanceof RetryScheduled e) {
      return e.requestId();
    } else if (event instanceof Throttled e) {
      return e.requestId();
    } else if (event instanceof UsageReported e) {
      return e.requestId();
    } else if (event instanceof CallFinished e) {
      return e.requestId();
    } else if (event instanceof StreamEnded e) {
      return e.requestId();
    }
    throw new IllegalArgumentException("no request id on " + event.getClass().getSimpleName());
  }

  /** Calls whose spans are open now; for tests. */
  int callsInFlight() {
    return inFlight.size();
  }

  /** Bounds on what the listener keeps of calls in flight. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private int maxCallsInFlight = 10_000;
    private Duration maxCallDuration = Duration.ofMinutes(30);
    private Clock clock = Clock.systemUTC();

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * At most this many call spans open at once (default 10,000); past it, the oldest is ended and
     * marked {@code llmgw.incomplete}.
     */
    public Builder maxCallsInFlight(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("maxCallsInFlight must be at least 1, not " + calls);
      }
      this.maxCallsInFlight = calls;
      return this;
    }

    /**
     * A call span still open after this long (default 30 minutes, far beyond the SDK's default
     * stream timeout of 120 s) is ended and marked {@code llmgw.incomplete} when the next call
     * starts: a stream nobody closed, an event lost.
     */
    public Builder maxCallDuration(Duration duration) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("maxCallDuration must be positive, not " + duration);
      }
      this.maxCallDuration = duration;
      return this;
    }

    /** The clock {@link #maxCallDuration} is measured on (default the system's; tests inject). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public OpenTelemetryCallListener build() {
      return new OpenTelemetryCallListener(this);
    }
  }
}
