/**
 * The call listener SPI ({@link io.llmgateway.metrics.CallListener} and the sealed {@link
 * io.llmgateway.metrics.CallEvent} family) and the built-in metrics collector.
 */
@NullMarked
package io.llmgateway.metrics;

import org.jspecify.annotations.NullMarked;
