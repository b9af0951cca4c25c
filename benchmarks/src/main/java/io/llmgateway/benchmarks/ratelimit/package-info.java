/** Row e: a burst into a short rate window, our throttle against the guide's retry loop. */
@NullMarked
package io.llmgateway.benchmarks.ratelimit;

import org.jspecify.annotations.NullMarked;
