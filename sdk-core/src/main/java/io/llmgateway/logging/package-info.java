/** Structured, redacted call logs through SLF4J, and header logging by allow-list. */
@NullMarked
package io.llmgateway.logging;

import org.jspecify.annotations.NullMarked;
