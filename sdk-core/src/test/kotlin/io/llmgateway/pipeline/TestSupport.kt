package io.llmgateway.pipeline

import io.llmgateway.error.AuthenticationException
import io.llmgateway.error.BadRequestException
import io.llmgateway.error.CallTimeoutException
import io.llmgateway.error.ConnectionException
import io.llmgateway.error.ErrorDetails
import io.llmgateway.error.InsufficientCreditsException
import io.llmgateway.error.InternalServerException
import io.llmgateway.error.NotFoundException
import io.llmgateway.error.PermissionDeniedException
import io.llmgateway.error.Provider
import io.llmgateway.error.RateLimitedException
import io.llmgateway.error.ServiceUnavailableException
import io.llmgateway.error.ValidationException
import io.llmgateway.ratelimit.RateLimitSnapshot
import java.time.Duration

/** Ready-made classified errors, as the colleague's classifier would produce them. */
object Errors {
  private fun details(
    status: Int?,
    retryAfter: Duration? = null,
    rateLimit: RateLimitSnapshot = RateLimitSnapshot.EMPTY,
    body: String = "",
  ): ErrorDetails =
    ErrorDetails.builder(Provider.HIVEOPS)
      .status(status)
      .retryAfter(retryAfter)
      .rateLimit(rateLimit)
      .rawBody(body)
      .build()

  fun rateLimited(
    retryAfter: Duration? = null,
    rateLimit: RateLimitSnapshot = RateLimitSnapshot.EMPTY,
    message: String = "HTTP 429 rate limited [hiveops]",
  ) = RateLimitedException(message, details(429, retryAfter, rateLimit, message))

  fun internal(message: String = "HTTP 500 internal server error [hiveops]") =
    InternalServerException(
      message,
      details(500, body = message),
      InternalServerException.UpstreamCause.UNKNOWN,
    )

  fun unavailable(message: String = "HTTP 503 unavailable [hiveops]") =
    ServiceUnavailableException(message, details(503, body = message))

  fun badRequest(message: String = "HTTP 400 bad request [hiveops]") =
    BadRequestException(message, details(400, body = message))

  fun unauthorized(message: String = "HTTP 401 invalid key [hiveops]") =
    AuthenticationException(message, details(401), AuthenticationException.Reason.INVALID_KEY)

  fun forbidden() = PermissionDeniedException("HTTP 403 forbidden [hiveops]", details(403))

  fun notFound() =
    NotFoundException(
      "HTTP 404 not found [hiveops]",
      details(404),
      NotFoundException.Resource.MODEL,
    )

  fun validation() = ValidationException("HTTP 422 validation [hiveops]", details(422))

  fun insufficientCredits(status: Int = 403) =
    InsufficientCreditsException("HTTP $status insufficient balance [hiveops]", details(status))

  fun readTimeout() =
    CallTimeoutException(
      "read timed out [hiveops]",
      details(null),
      CallTimeoutException.Kind.READ,
      null,
    )

  fun connectionFailed(message: String = "connection refused [hiveops]") =
    ConnectionException(message, details(null), true, null)
}
