package io.llmgateway.stream;

import java.util.function.Consumer;

/**
 * Receives a stream's chunks as they arrive, on the thread that reads the stream: the async
 * clients' way to stream (their future then completes with the {@link StreamResult}). Keep it
 * quick; hand slow work to another thread.
 */
@FunctionalInterface
public interface StreamHandler {
  void onChunk(StreamChunk chunk);

  /** A handler over each chunk's text (chunks without text pass an empty string). */
  static StreamHandler text(Consumer<String> onText) {
    return chunk -> onText.accept(chunk.textDelta());
  }
}
