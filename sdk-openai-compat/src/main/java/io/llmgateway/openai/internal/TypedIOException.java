package io.llmgateway.openai.internal;

import io.llmgateway.error.LlmGatewayException;
import java.io.IOException;

/**
 * A drop-in call's typed error, carried through the OpenAI SDK as the {@link IOException} it
 * accepts from OkHttp (the SDK wraps it, as its cause, into its own exception). {@code
 * HiveOpsClient.translate(e)} finds it there.
 */
public final class TypedIOException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient LlmGatewayException error;

  public TypedIOException(LlmGatewayException error) {
    super(error.getMessage(), error);
    this.error = error;
  }

  public LlmGatewayException error() {
    return error;
  }

  /** The typed error somewhere in {@code e}'s causes, or null. */
  public static @org.jspecify.annotations.Nullable LlmGatewayException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TypedIOException) {
        return ((TypedIOException) t).error;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
