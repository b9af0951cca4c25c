/** Row d: streaming a 10,000-chunk answer through four clients. */
@NullMarked
package io.llmgateway.benchmarks.stream;

import org.jspecify.annotations.NullMarked;
