package io.llmgateway.jobs;

import io.llmgateway.cost.TokenUsage;
import org.jspecify.annotations.Nullable;

/** A stream that completed: its whole text, chunk count, finish reason and usage if reported. */
public final class StreamSummary {
  private final String text;
  private final int chunks;
  private final @Nullable String finishReason;
  private final @Nullable TokenUsage usage;

  StreamSummary(
      String text, int chunks, @Nullable String finishReason, @Nullable TokenUsage usage) {
    this.text = text;
    this.chunks = chunks;
    this.finishReason = finishReason;
    this.usage = usage;
  }

  public String text() {
    return text;
  }

  public int chunks() {
    return chunks;
  }

  public @Nullable String finishReason() {
    return finishReason;
  }

  /** Usage the stream reported; null when it sent none (the SaaS server usually does not). */
  public @Nullable TokenUsage usage() {
    return usage;
  }

  @Override
  public String toString() {
    return "StreamSummary{chunks="
        + chunks
        + ", chars="
        + text.length()
        + ", finish="
        + finishReason
        + ", usage="
        + usage
        + "}";
  }
}
