/** Interceptors and checks behind {@link io.llmgateway.openai.HiveOpsClient}. Not a public API. */
@NullMarked
package io.llmgateway.openai.internal;

import org.jspecify.annotations.NullMarked;
