/** Token usage, per-model prices and the cost of a call, in {@link java.math.BigDecimal} USD. */
@NullMarked
package io.llmgateway.cost;

import org.jspecify.annotations.NullMarked;
