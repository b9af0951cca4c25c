package io.llmgateway.metrics;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stream ended: completed, cut, timed out, cancelled or closed by its reader. Its call finished
 * when the stream opened (its first chunk is the end of the retried part), so this is the stream's
 * own end, once per stream that opened.
 */
public final class StreamEnded extends CallEvent {
  private final String requestId;
  private final int chunks;
  private final Duration duration;
  private final @Nullable String errorType;

  public StreamEnded(
      Provider provider,
      Endpoint endpoint,
      Instant time,
      String requestId,
      int chunks,
      Duration duration,
      @Nullable String errorType) {
    super(provider, endpoint, time);
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.chunks = chunks;
    this.duration = Objects.requireNonNull(duration, "duration");
    this.errorType = errorType;
  }

  public String requestId() {
    return requestId;
  }

  /** Chunks that arrived. */
  public int chunks() {
    return chunks;
  }

  /** From the call's start to the stream's end. */
  public Duration duration() {
    return duration;
  }

  /** True when the stream completed (a terminal signal arrived). */
  public boolean completed() {
    return errorType == null;
  }

  /** The simple name of the error that ended it, or null when it completed. */
  public @Nullable String errorType() {
    return errorType;
  }

  @Override
  public String toString() {
    return "StreamEnded{"
        + head()
        + ", requestId="
        + requestId
        + ", chunks="
        + chunks
        + (errorType == null ? "" : ", error=" + errorType)
        + "}";
  }
}
