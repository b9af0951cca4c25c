/**
 * Implementation details shared across the SDK's modules. Not a public API: may change at any time.
 */
@NullMarked
package io.llmgateway.internal;

import org.jspecify.annotations.NullMarked;
