package io.llmgateway.pipeline;

import java.util.concurrent.CancellationException;

/**
 * The calling thread was interrupted while the call waited (for an answer, a retry or the
 * rate-limit window). The HTTP exchange was cancelled, the call stopped and the thread's interrupt
 * flag is set again. A cancellation, not a gateway error: circuit breakers never count it.
 */
public final class CallInterruptedException extends CancellationException {
  private static final long serialVersionUID = 1L;

  private final String requestId;

  public CallInterruptedException(String requestId, InterruptedException cause) {
    this(requestId, (Throwable) cause);
  }

  /** {@code cause}: the interrupted wait, or the cancelled exchange's failure. */
  public CallInterruptedException(String requestId, Throwable cause) {
    super("call " + requestId + " interrupted");
    this.requestId = requestId;
    initCause(cause);
  }

  public String requestId() {
    return requestId;
  }
}
