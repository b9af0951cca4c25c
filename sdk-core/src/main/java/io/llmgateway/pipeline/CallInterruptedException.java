package io.llmgateway.pipeline;

import java.util.concurrent.CancellationException;

/**
 * The calling thread was interrupted while the call waited (for a retry or for the rate-limit
 * window). The call stopped and the thread's interrupt flag is set again. A cancellation, not a
 * gateway error: circuit breakers never count it.
 */
public final class CallInterruptedException extends CancellationException {
  private static final long serialVersionUID = 1L;

  private final String requestId;

  public CallInterruptedException(String requestId, InterruptedException cause) {
    super("call " + requestId + " interrupted while waiting");
    this.requestId = requestId;
    initCause(cause);
  }

  public String requestId() {
    return requestId;
  }
}
