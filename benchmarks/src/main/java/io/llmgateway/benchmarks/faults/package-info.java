/** Row f: 20 % random 503s against both clients' default retry policies. */
@NullMarked
package io.llmgateway.benchmarks.faults;

import org.jspecify.annotations.NullMarked;
