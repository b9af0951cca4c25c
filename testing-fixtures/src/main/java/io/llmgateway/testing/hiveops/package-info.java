/**
 * The OpenAI-compatible HiveOps personality: chat completions, models, keys, balances, rate
 * windows.
 */
@NullMarked
package io.llmgateway.testing.hiveops;

import org.jspecify.annotations.NullMarked;
