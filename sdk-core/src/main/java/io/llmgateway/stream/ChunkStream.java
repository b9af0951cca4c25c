package io.llmgateway.stream;

/**
 * An open stream whose first chunk has arrived: iterate it (once) for the chunks, then read {@link
 * #result()}; close it to stop early (the connection is cancelled). Iteration ends normally only
 * when the stream completed (a terminal signal arrived and the body ended). A cut, an idle gap
 * longer than the idle timeout or the total timeout raise {@link
 * io.llmgateway.error.StreamInterruptedException} with the text received so far and a {@link
 * io.llmgateway.error.CallTimeoutException} or the transport error as its cause; an error event
 * raises {@link io.llmgateway.error.StreamErrorEventException}. Reads block the iterating thread;
 * interrupting it stops the stream. Not thread-safe: one reader ({@link #close()} from any thread).
 */
public interface ChunkStream extends Iterable<StreamChunk>, AutoCloseable {
  /** Reads the rest of the stream and returns all its text. */
  String readText();

  /** The text received so far. */
  String textSoFar();

  /**
   * What the completed stream delivered.
   *
   * @throws IllegalStateException before the stream has ended
   */
  StreamResult result();

  /** Stops reading and cancels the connection. Safe to call more than once, from any thread. */
  @Override
  void close();
}
