package io.llmgateway.internal.stream;

import io.llmgateway.cost.TokenUsage;
import io.llmgateway.error.ErrorClassifier;
import io.llmgateway.error.ErrorDetails;
import io.llmgateway.error.Provider;
import io.llmgateway.error.StreamErrorEventException;
import io.llmgateway.error.StreamInterruptedException;
import io.llmgateway.stream.StreamChunk;
import org.jspecify.annotations.Nullable;

/**
 * Follows one stream: collects the text so far, the finish reason and usage, and decides at the end
 * whether the stream completed. A stream is complete only after a terminal signal ({@code [DONE]},
 * a finish reason, Anthropic's {@code message_stop}, Gemini's {@code finishReason}); anything else
 * that ends is an interruption that keeps the partial text. Not thread-safe: one per stream, fed by
 * one reader.
 */
public final class StreamAccumulator {
  private final Provider provider;
  private final ErrorClassifier classifier;
  private final StringBuilder text = new StringBuilder();
  private int chunks;
  private boolean done;
  private boolean terminal;
  private @Nullable String finishReason;
  private long prompt;
  private long completion;
  private long total;
  private boolean hasUsage;

  public StreamAccumulator(Provider provider, ErrorClassifier classifier) {
    this.provider = provider;
    this.classifier = classifier;
  }

  /**
   * Feeds one {@code data:} payload.
   *
   * @return the chunk to hand to the caller, or null for {@code [DONE]} and skipped payloads
   * @throws StreamErrorEventException when the payload is an error event
   */
  public @Nullable StreamChunk accept(String data) {
    StreamEvent event = StreamPayloadParser.parse(data);
    if (event instanceof StreamEvent.Chunk) {
      StreamChunk chunk = ((StreamEvent.Chunk) event).chunk();
      record(chunk);
      return chunk;
    }
    if (event instanceof StreamEvent.Done) {
      done = true;
      return null;
    }
    if (event instanceof StreamEvent.Error) {
      throw classifier.classifyStreamEvent(
          provider, ((StreamEvent.Error) event).payload(), text.toString(), chunks);
    }
    return null;
  }

  private void record(StreamChunk chunk) {
    chunks++;
    text.append(chunk.textDelta());
    if (chunk.finishReason() != null) {
      finishReason = chunk.finishReason();
    }
    terminal |= chunk.isTerminal();
    TokenUsage usage = chunk.usage();
    if (usage != null) {
      // Counts are cumulative (Anthropic reports input and output in separate events): keep the
      // largest of each.
      hasUsage = true;
      prompt = Math.max(prompt, usage.promptTokens());
      completion = Math.max(completion, usage.completionTokens());
      total = Math.max(total, usage.totalTokens());
    }
  }

  /** True once a terminal signal arrived. */
  public boolean isComplete() {
    return done || terminal;
  }

  /** True once {@code [DONE]} itself arrived (nothing more will follow). */
  public boolean sawDone() {
    return done;
  }

  public String text() {
    return text.toString();
  }

  public int chunks() {
    return chunks;
  }

  public @Nullable String finishReason() {
    return finishReason;
  }

  /** Usage reported by the stream, or null when it reported none. */
  public @Nullable TokenUsage usage() {
    return hasUsage
        ? new TokenUsage(prompt, completion, Math.max(total, prompt + completion))
        : null;
  }

  /**
   * Called at end of stream.
   *
   * @throws StreamInterruptedException when no terminal signal arrived
   */
  public void finish() {
    if (!isComplete()) {
      throw interrupted("stream ended without [DONE] or a finish reason", null);
    }
  }

  /** The error for a stream cut before completion, carrying everything that arrived. */
  public StreamInterruptedException interrupted(String reason, @Nullable Throwable cause) {
    ErrorDetails details = ErrorDetails.builder(provider).status(200).build();
    String message =
        reason
            + " after "
            + chunks
            + " chunks, "
            + text.length()
            + " chars kept ["
            + provider.id()
            + "]";
    return new StreamInterruptedException(
        message, details, text.toString(), chunks, finishReason, cause);
  }
}
