package io.llmgateway.error;

import org.jspecify.annotations.Nullable;

/**
 * The stream ended (cut, idle too long, or EOF) without a terminal signal such as {@code [DONE]} or
 * a finish reason. Carries everything that arrived.
 */
public final class StreamInterruptedException extends StreamException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String finishReason;

  public StreamInterruptedException(
      String message,
      ErrorDetails details,
      String partialText,
      int chunksReceived,
      @Nullable String finishReason,
      @Nullable Throwable cause) {
    super(message, details, partialText, chunksReceived, cause);
    this.finishReason = finishReason;
  }

  /** The finish reason if one arrived before the cut, else null. */
  public @Nullable String finishReason() {
    return finishReason;
  }
}
