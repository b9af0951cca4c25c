@file:JvmName("KotlinTypedErrors")

package io.llmgateway.examples

// region kotlin-errors
import io.llmgateway.error.ApiException
import io.llmgateway.error.AuthenticationException
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.LlmGatewayException
import io.llmgateway.error.LocalRejectionException
import io.llmgateway.error.PermissionDeniedException
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServerException
import io.llmgateway.error.StreamException
import io.llmgateway.error.TeamPausedException
import io.llmgateway.error.TeamSuspendedException
import io.llmgateway.error.TransportException

// endregion

// region kotlin-errors
// The hierarchy is sealed, so `when` needs no `else`.
fun reaction(e: LlmGatewayException): String =
  when (e) {
    is InsufficientCreditsException -> "add credits"
    is TeamSuspendedException,
    is TeamPausedException -> "contact the admin"
    is PermissionDeniedException -> "check access"
    is AuthenticationException -> "check the key (${e.reason()})"
    is RateLimitedException -> "retry after ${e.retryAfter()}"
    is ServerException -> if (e.isRetryable) "retry" else "fix the gateway config"
    is StreamException -> "keep the partial text: ${e.partialText()}"
    is TransportException -> "retry"
    is ApiException,
    is LocalRejectionException -> "give up: ${e.message}"
  }
// endregion
