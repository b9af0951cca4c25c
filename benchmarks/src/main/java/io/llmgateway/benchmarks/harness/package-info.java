/** The side-by-side harness: alternating calls, latency histograms and allocation metering. */
@NullMarked
package io.llmgateway.benchmarks.harness;

import org.jspecify.annotations.NullMarked;
