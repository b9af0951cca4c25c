/**
 * Stream payload parsing and accumulation behind {@link io.llmgateway.stream.ChunkStream}. Not a
 * public API: may change at any time.
 */
@NullMarked
package io.llmgateway.internal.stream;

import org.jspecify.annotations.NullMarked;
