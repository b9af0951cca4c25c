/** Fault scripting: per method and path pattern, by count or in sequences. */
@NullMarked
package io.llmgateway.testing.fault;

import org.jspecify.annotations.NullMarked;
