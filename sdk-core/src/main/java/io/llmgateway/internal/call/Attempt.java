package io.llmgateway.internal.call;

import io.llmgateway.error.LlmGatewayException;

/**
 * One try at a call: send, read, and either return the result or throw the classified {@link
 * LlmGatewayException}. Any other exception is not retried and reaches the caller as is.
 */
@FunctionalInterface
public interface Attempt<T> {
  T run(AttemptContext context) throws LlmGatewayException;
}
