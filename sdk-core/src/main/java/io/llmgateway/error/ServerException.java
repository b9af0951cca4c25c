package io.llmgateway.error;

import org.jspecify.annotations.Nullable;

/** 5xx: the gateway (or a proxy in front of it) failed. */
public abstract sealed class ServerException extends ApiException
    permits InternalServerException, ServiceUnavailableException, OtherServerException {
  private static final long serialVersionUID = 1L;

  protected ServerException(String message, ErrorDetails details, @Nullable Throwable cause) {
    super(message, details, cause);
  }
}
