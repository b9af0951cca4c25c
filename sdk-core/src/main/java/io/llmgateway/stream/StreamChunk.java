package io.llmgateway.stream;

import io.llmgateway.cost.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * One streamed chunk, whatever the provider's shape: the text it adds, the finish reason if this
 * chunk ends the answer, and usage when the provider reported it. Immutable.
 */
public final class StreamChunk {
  private final String textDelta;
  private final @Nullable String finishReason;
  private final @Nullable TokenUsage usage;
  private final ChunkShape shape;
  private final boolean terminal;

  public StreamChunk(
      String textDelta,
      @Nullable String finishReason,
      @Nullable TokenUsage usage,
      ChunkShape shape,
      boolean terminal) {
    this.textDelta = textDelta;
    this.finishReason = finishReason;
    this.usage = usage;
    this.shape = shape;
    this.terminal = terminal;
  }

  /** The text this chunk adds; empty for role, usage or bookkeeping chunks. */
  public String textDelta() {
    return textDelta;
  }

  /** The provider's finish reason ({@code stop}, {@code end_turn}, {@code STOP}, ...), if any. */
  public @Nullable String finishReason() {
    return finishReason;
  }

  public @Nullable TokenUsage usage() {
    return usage;
  }

  public ChunkShape shape() {
    return shape;
  }

  /**
   * True when this chunk tells the answer is complete: a finish reason, Anthropic's {@code
   * message_stop}, or Gemini's {@code finishReason}.
   */
  public boolean isTerminal() {
    return terminal;
  }

  @Override
  public String toString() {
    return "StreamChunk{"
        + shape
        + ", text="
        + textDelta.length()
        + " chars"
        + (finishReason == null ? "" : ", finish=" + finishReason)
        + (usage == null ? "" : ", " + usage)
        + "}";
  }
}
