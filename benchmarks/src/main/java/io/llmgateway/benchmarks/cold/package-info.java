/** Row g: a fresh JVM from its start to its first answer. */
@NullMarked
package io.llmgateway.benchmarks.cold;

import org.jspecify.annotations.NullMarked;
