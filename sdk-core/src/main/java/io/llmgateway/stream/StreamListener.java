package io.llmgateway.stream;

/**
 * Hears a stream sent without blocking, on the thread that reads it: every chunk, then exactly one
 * of {@link #onComplete} or {@link #onFailure}.
 */
public interface StreamListener {
  void onChunk(StreamChunk chunk);

  void onComplete(StreamResult result);

  /**
   * The typed error that ended the stream ({@link io.llmgateway.error.StreamInterruptedException}
   * with the partial text after the first chunk), or a cancellation.
   */
  void onFailure(Throwable error);
}
