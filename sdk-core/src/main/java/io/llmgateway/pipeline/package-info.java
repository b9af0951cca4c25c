/**
 * The pipeline of one call: throttle, circuit breaker, then exactly one retry loop, with
 * per-endpoint timeouts and an overall deadline. Entry point: {@link
 * io.llmgateway.internal.call.ResilientExecutor}.
 */
@NullMarked
package io.llmgateway.pipeline;

import org.jspecify.annotations.NullMarked;
