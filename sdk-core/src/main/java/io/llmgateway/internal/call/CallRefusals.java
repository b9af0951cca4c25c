package io.llmgateway.internal.call;

import io.llmgateway.error.CallTimeoutException;
import io.llmgateway.error.CircuitOpenException;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.error.Provider;
import io.llmgateway.error.ThrottledException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The errors a call's pipeline raises itself: throttled, circuit open, deadline passed. */
final class CallRefusals {
  private final Provider provider;
  private final CallContext call;

  CallRefusals(Provider provider, CallContext call) {
    this.provider = provider;
    this.call = call;
  }

  ThrottledException throttled(Duration retryAfter) {
    return new ThrottledException(
        "rate-limit window has no room before the deadline of "
            + call.endpoint()
            + " (retry after "
            + seconds(retryAfter)
            + ") ["
            + provider
            + "]",
        ErrorDetails.builder(provider).retryAfter(retryAfter).build());
  }

  CircuitOpenException circuitOpen(Duration retryAfter) {
    return new CircuitOpenException(
        "circuit open for "
            + call.endpoint()
            + " (retry after "
            + seconds(retryAfter)
            + ") ["
            + provider
            + "]",
        ErrorDetails.builder(provider).retryAfter(retryAfter).build());
  }

  CallTimeoutException deadlinePassed(int attempts, @Nullable LlmGatewayException last) {
    Duration budget = Duration.between(call.startedAt(), call.deadline());
    return new CallTimeoutException(
        "deadline of "
            + seconds(budget)
            + " for "
            + call.endpoint()
            + " passed after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + (last == null ? "" : "; last error: " + last.getMessage())
            + " ["
            + provider
            + "]",
        ErrorDetails.of(provider),
        CallTimeoutException.Kind.TOTAL,
        last);
  }

  /** Keeps the last attempt's error as context on a refusal that ends the call. */
  static <E extends LlmGatewayException> E withLast(E refusal, @Nullable LlmGatewayException last) {
    if (last != null) {
      refusal.addSuppressed(last);
    }
    return refusal;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.3fs", ms / 1000.0);
  }
}
