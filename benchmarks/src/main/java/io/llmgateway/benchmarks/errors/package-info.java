/** Row a: error classification against Moshi parsing the same bytes. */
@NullMarked
package io.llmgateway.benchmarks.errors;

import org.jspecify.annotations.NullMarked;
