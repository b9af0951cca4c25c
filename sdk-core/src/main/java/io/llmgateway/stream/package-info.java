/**
 * Payloads of server-sent event streams: OpenAI, Anthropic and Gemini chunk shapes normalised to
 * one {@link io.llmgateway.stream.StreamChunk}, error events, and the rule that a stream is
 * complete only when a terminal signal arrived.
 */
@NullMarked
package io.llmgateway.stream;

import org.jspecify.annotations.NullMarked;
