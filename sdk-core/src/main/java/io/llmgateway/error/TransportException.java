package io.llmgateway.error;

import org.jspecify.annotations.Nullable;

/** No usable HTTP response: the call timed out or the connection failed. */
public abstract sealed class TransportException extends LlmGatewayException
    permits CallTimeoutException, ConnectionException, CompletionUnknownException {
  private static final long serialVersionUID = 1L;

  protected TransportException(String message, ErrorDetails details, @Nullable Throwable cause) {
    super(message, details, cause);
  }
}
