/**
 * The OpenAI-compatible adapter (HiveOps and any OpenAI-compatible gateway).
 *
 * <p>Not built yet: this module only reserves its artifact and package. Until the adapter lands,
 * classify OpenAI-style errors with {@link io.llmgateway.error.ErrorClassifier} from {@code
 * sdk-core}.
 */
@NullMarked
package io.llmgateway.openai;

import org.jspecify.annotations.NullMarked;
