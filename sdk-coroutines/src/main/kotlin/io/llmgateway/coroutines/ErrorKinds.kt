package io.llmgateway.coroutines

import io.llmgateway.error.LlmGatewayException

/**
 * True when [this] is an error the guides say to retry. A Kotlin-friendly alias of
 * [LlmGatewayException.isRetryable]; the suspend clients of this module arrive with a later
 * release.
 */
public val LlmGatewayException.retryable: Boolean
  get() = isRetryable
