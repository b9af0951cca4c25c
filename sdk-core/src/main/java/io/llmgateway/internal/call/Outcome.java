package io.llmgateway.internal.call;

import io.llmgateway.error.LlmGatewayException;

/** How one attempt ended, told to the retry loop. */
interface Outcome<T> {
  void success(T value);

  /** A gateway or transport error: the retry policy decides what follows. */
  void failure(LlmGatewayException error);

  /** A cancellation, an interrupt or a bug: the call ends with it, nothing is counted. */
  void aborted(Throwable cause);
}
