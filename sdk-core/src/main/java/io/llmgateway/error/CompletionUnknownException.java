package io.llmgateway.error;

import org.jspecify.annotations.Nullable;

/**
 * A job's complete may or may not have reached the server, and reading the job back within the
 * grace period could not tell: the SDK does not send complete again, because the server charges
 * again on a repeated complete. {@link #jobId()} names the job; read it later ({@code getJob}) to
 * learn its fate. The cause is the failure of the complete request. Not retryable.
 */
public final class CompletionUnknownException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final String jobId;

  public CompletionUnknownException(
      String message, ErrorDetails details, String jobId, @Nullable Throwable cause) {
    super(message, details, cause);
    this.jobId = jobId;
  }

  /** The job whose completion is unknown. */
  public String jobId() {
    return jobId;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
