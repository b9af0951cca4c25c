package io.llmgateway.error;

import org.jspecify.annotations.Nullable;

/** The gateway answered with an error status (or an answer the SDK could not use). */
public abstract sealed class ApiException extends LlmGatewayException
    permits BadRequestException,
        AuthenticationException,
        PermissionDeniedException,
        NotFoundException,
        ValidationException,
        RateLimitedException,
        ServerException,
        UnexpectedResponseException {
  private static final long serialVersionUID = 1L;

  protected ApiException(String message, ErrorDetails details, @Nullable Throwable cause) {
    super(message, details, cause);
  }
}
