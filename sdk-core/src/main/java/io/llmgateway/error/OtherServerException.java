package io.llmgateway.error;

/**
 * A 5xx other than 500 and 503 (502 and 504 pages from proxies, 501, ...). The guides retry only
 * 500 and 503, so this is not retryable by default; a retry policy may opt in.
 */
public final class OtherServerException extends ServerException {
  private static final long serialVersionUID = 1L;

  public OtherServerException(String message, ErrorDetails details) {
    super(message, details, null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
