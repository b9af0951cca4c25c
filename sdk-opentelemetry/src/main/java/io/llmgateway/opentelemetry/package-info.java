/**
 * OpenTelemetry tracing for every call of every client: {@link
 * io.llmgateway.opentelemetry.OpenTelemetryCallListener} on the {@code CallListener} SPI, a span
 * per call with a child per attempt, after the {@code gen_ai.*} and {@code http.*} conventions.
 */
@NullMarked
package io.llmgateway.opentelemetry;

import org.jspecify.annotations.NullMarked;
