/**
 * Micrometer metrics for every call of every client: {@link
 * io.llmgateway.micrometer.MicrometerCallListener} on the {@code CallListener} SPI, with the meter
 * names and tags of {@link io.llmgateway.micrometer.LlmgwMeters}.
 */
@NullMarked
package io.llmgateway.micrometer;

import org.jspecify.annotations.NullMarked;
