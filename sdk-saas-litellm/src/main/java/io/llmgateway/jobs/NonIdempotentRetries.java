package io.llmgateway.jobs;

import io.llmgateway.error.CallTimeoutException;
import io.llmgateway.error.ConnectionException;
import io.llmgateway.error.LlmGatewayException;
import io.llmgateway.retry.RetryPolicy;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * The retry policy for calls that charge when they succeed (create-and-call): retried only when the
 * server answered that it did nothing (429, 5xx) or the request never left (no connection). A read
 * timeout or a cut after sending is ambiguous and not retried.
 */
final class NonIdempotentRetries {
  private NonIdempotentRetries() {}

  static RetryPolicy of(RetryPolicy base) {
    return base.toBuilder().retryIf(e -> base.isRetryable(e) && !ambiguous(e)).build();
  }

  static boolean ambiguous(LlmGatewayException e) {
    if (e instanceof CallTimeoutException) {
      return ((CallTimeoutException) e).kind() != CallTimeoutException.Kind.CONNECT;
    }
    if (e instanceof ConnectionException) {
      Throwable cause = e.getCause();
      return !(cause instanceof ConnectException
          || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException);
    }
    return false;
  }
}
