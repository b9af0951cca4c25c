/** The canned loopback server every overhead and stream benchmark calls. */
@NullMarked
package io.llmgateway.benchmarks.server;

import org.jspecify.annotations.NullMarked;
