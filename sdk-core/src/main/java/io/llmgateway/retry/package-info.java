/**
 * Retry decisions: which errors are worth another attempt and how long to wait first. Pure
 * policies; the loops that sleep live in {@link io.llmgateway.pipeline}.
 */
@NullMarked
package io.llmgateway.retry;

import org.jspecify.annotations.NullMarked;
