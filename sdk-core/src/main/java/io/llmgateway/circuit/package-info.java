/** Circuit breakers per provider and endpoint: closed, open and half-open, count-based. */
@NullMarked
package io.llmgateway.circuit;

import org.jspecify.annotations.NullMarked;
