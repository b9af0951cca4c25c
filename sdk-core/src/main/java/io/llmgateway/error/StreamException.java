package io.llmgateway.error;

import org.jspecify.annotations.Nullable;

/** A streamed response (HTTP 200) that did not end well. Never retried once a chunk arrived. */
public abstract sealed class StreamException extends LlmGatewayException
    permits StreamInterruptedException, StreamErrorEventException {
  private static final long serialVersionUID = 1L;

  private final String partialText;
  private final int chunksReceived;

  protected StreamException(
      String message,
      ErrorDetails details,
      String partialText,
      int chunksReceived,
      @Nullable Throwable cause) {
    super(message, details, cause);
    this.partialText = partialText;
    this.chunksReceived = chunksReceived;
  }

  /** The text that arrived before the stream failed; kept so no output is lost. */
  public String partialText() {
    return partialText;
  }

  public int chunksReceived() {
    return chunksReceived;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
