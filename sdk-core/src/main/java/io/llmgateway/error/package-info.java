/**
 * The SDK's error taxonomy: one unchecked, sealed hierarchy rooted at {@link
 * io.llmgateway.error.LlmGatewayException}, and the one {@link io.llmgateway.error.ErrorClassifier}
 * that turns anything either gateway sends (or fails to send) into it.
 */
@NullMarked
package io.llmgateway.error;

import org.jspecify.annotations.NullMarked;
