package io.llmgateway.opentelemetry;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import io.opentelemetry.api.trace.Span;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The open spans of one call: its own and its running attempt's. A call's events come one after the
 * other, but not always on one thread (an async attempt ends on OkHttp's, a stream on its
 * reader's), so the attempt slot is guarded by this object.
 */
final class CallSpans {
  final Span call;
  final Provider provider;
  final Endpoint endpoint;

  /** When the listener began tracking it, by the listener's clock: what expiry compares. */
  final Instant tracked;

  private @Nullable Span attempt;

  CallSpans(Span call, Provider provider, Endpoint endpoint, Instant tracked) {
    this.call = call;
    this.provider = provider;
    this.endpoint = endpoint;
    this.tracked = tracked;
  }

  /** Makes {@code span} the running attempt; one left open by a lost event ends now. */
  void attemptStarted(Span span, Instant at) {
    Span previous;
    synchronized (this) {
      previous = attempt;
      attempt = span;
    }
    if (previous != null) {
      previous.end(nanos(at), TimeUnit.NANOSECONDS);
    }
  }

  /** The running attempt, which the caller ends; null when none runs. */
  synchronized @Nullable Span takeAttempt() {
    Span span = attempt;
    attempt = null;
    return span;
  }

  /** Ends the call span at {@code at}, and an attempt still open with it. */
  void end(Instant at) {
    Span open = takeAttempt();
    if (open != null) {
      open.end(nanos(at), TimeUnit.NANOSECONDS);
    }
    call.end(nanos(at), TimeUnit.NANOSECONDS);
  }

  static long nanos(Instant at) {
    return TimeUnit.SECONDS.toNanos(at.getEpochSecond()) + at.getNano();
  }
}
