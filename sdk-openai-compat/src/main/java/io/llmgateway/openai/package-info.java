/**
 * The OpenAI-compatible adapter for HiveOps and any OpenAI-compatible gateway: a configured {@code
 * OpenAIClient} for drop-in use and {@link io.llmgateway.openai.HiveOpsClient}, a resilient facade
 * for chat, streaming, balance and cost.
 */
@NullMarked
package io.llmgateway.openai;

import org.jspecify.annotations.NullMarked;
