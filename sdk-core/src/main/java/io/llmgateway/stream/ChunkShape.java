package io.llmgateway.stream;

/** The wire shape a chunk arrived in. */
public enum ChunkShape {
  /** OpenAI {@code chat.completion.chunk} (also Fireworks, HiveOps). */
  OPENAI,
  /** Anthropic's native events: {@code message_start}, {@code content_block_delta}, ... */
  ANTHROPIC,
  /** Gemini's native {@code candidates[].content.parts[].text}. */
  GEMINI,
  /** Valid JSON of no known shape: kept as an empty chunk so the stream goes on. */
  UNKNOWN
}
