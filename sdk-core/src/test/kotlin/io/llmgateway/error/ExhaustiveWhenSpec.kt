package io.llmgateway.error

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/**
 * The hierarchy is sealed, so Kotlin checks that a `when` covers every type. This spec compiles
 * only while [reaction] is exhaustive without an `else` branch: a new error type breaks it.
 */
class ExhaustiveWhenSpec :
  FunSpec({
    fun reaction(e: LlmGatewayException): String =
      when (e) {
        is InvalidModelException -> "fix the model name"
        is BadRequestException -> "fix the request"
        is AuthenticationException -> "check the key"
        is InsufficientCreditsException -> "add credits"
        is TeamSuspendedException -> "contact the admin"
        is TeamPausedException -> "wait for the team to resume"
        is ModelAccessDeniedException -> "check access groups"
        is PermissionDeniedException -> "check permissions"
        is NotFoundException -> "check the id"
        is ValidationException -> "fix the fields"
        is RateLimitedException -> "slow down"
        is InternalServerException -> "retry"
        is ServiceUnavailableException -> "retry later"
        is OtherServerException -> "retry maybe"
        is UnexpectedResponseException -> "report"
        is CallTimeoutException -> "retry with a longer timeout"
        is ConnectionException -> "check the network"
        is CompletionUnknownException -> "read the job later: ${e.jobId()}"
        is StreamInterruptedException -> "keep the partial text"
        is StreamErrorEventException -> "read the event"
        is CircuitOpenException -> "wait for the circuit"
        is ThrottledException -> "wait for the window"
        is BudgetExceededException -> "raise the budget"
      }

    // The README's Kotlin sample, kept compiling here.
    fun readmeReaction(e: LlmGatewayException): String =
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

    test("the README's grouped when is exhaustive too") {
      readmeReaction(
        NotFoundException("n", ErrorDetails.of(Provider.HIVEOPS), NotFoundException.Resource.JOB)
      ) shouldBe "give up: n"
    }

    test("a when over the taxonomy needs no else branch") {
      val details = ErrorDetails.of(Provider.SAAS_LITELLM)
      reaction(ThrottledException("t", details)) shouldBe "wait for the window"
      reaction(PermissionDeniedException("p", details)) shouldBe "check permissions"
      reaction(InvalidModelException("m", details, "gpt-4", listOf())) shouldBe "fix the model name"
    }
  })
