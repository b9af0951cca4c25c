/** The benchmark harness: {@link io.llmgateway.benchmarks.BenchMain} runs every section. */
@NullMarked
package io.llmgateway.benchmarks;

import org.jspecify.annotations.NullMarked;
