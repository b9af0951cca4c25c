package io.llmgateway.error;

/**
 * The gateway sent an error event inside a 200 stream: {@code data: {"error": "..."}} (SaaS
 * LiteLLM) or {@code data: {"error": {...}}} (OpenAI style).
 */
public final class StreamErrorEventException extends StreamException {
  private static final long serialVersionUID = 1L;

  public StreamErrorEventException(
      String message, ErrorDetails details, String partialText, int chunksReceived) {
    super(message, details, partialText, chunksReceived, null);
  }
}
