/** Row c: the HiveOps adapter's per-call overhead against the bare OpenAI Java SDK. */
@NullMarked
package io.llmgateway.benchmarks.hiveops;

import org.jspecify.annotations.NullMarked;
