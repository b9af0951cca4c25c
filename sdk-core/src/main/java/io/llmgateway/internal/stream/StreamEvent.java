package io.llmgateway.internal.stream;

import io.llmgateway.stream.StreamChunk;

/** What one {@code data:} payload of a stream means. */
public abstract sealed class StreamEvent
    permits StreamEvent.Chunk, StreamEvent.Done, StreamEvent.Error, StreamEvent.Skipped {

  private StreamEvent() {}

  /** A chunk of the answer. */
  public static final class Chunk extends StreamEvent {
    private final StreamChunk chunk;

    Chunk(StreamChunk chunk) {
      this.chunk = chunk;
    }

    public StreamChunk chunk() {
      return chunk;
    }
  }

  /** The {@code [DONE]} sentinel. */
  public static final class Done extends StreamEvent {
    static final Done INSTANCE = new Done();

    private Done() {}
  }

  /** An error event: {@code {"error": "..."}} or {@code {"error": {...}}} or Anthropic's error. */
  public static final class Error extends StreamEvent {
    private final String payload;

    Error(String payload) {
      this.payload = payload;
    }

    /** The event's JSON, for {@link io.llmgateway.error.ErrorClassifier#classifyStreamEvent}. */
    public String payload() {
      return payload;
    }
  }

  /** A payload that is not JSON: the real server drops these, and so do we. */
  public static final class Skipped extends StreamEvent {
    static final Skipped INSTANCE = new Skipped();

    private Skipped() {}
  }
}
