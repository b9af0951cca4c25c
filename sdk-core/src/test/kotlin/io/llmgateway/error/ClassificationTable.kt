package io.llmgateway.error

import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import java.time.Duration

/** Every status and body shown in both guides and both specs, with what each must become. */
object ClassificationTable {
  private const val SAAS_401_MISSING =
    "Missing Authorization header. Expected: 'Authorization: Bearer sk-xxx...'"
  private const val SAAS_401_FORMAT =
    "Invalid Authorization header format. Expected: 'Authorization: Bearer sk-xxx...'"
  private const val SAAS_401_ADMIN =
    "Authentication required. Provide either 'Authorization: Bearer <token>' or 'X-Admin-Key: <master_key>'"
  private const val NGINX_502 =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"

  val saasGuide =
    listOf(
      saas(
        "guide bad request",
        400,
        detail("Invalid message structure"),
        BadRequestException::class,
        false,
      ),
      saas(
        "guide invalid or missing key",
        401,
        detail("Invalid or missing API key"),
        AuthenticationException::class,
        false,
      ) {
        it.shouldBeInstanceOf<AuthenticationException>().reason() shouldBe
          AuthenticationException.Reason.INVALID_KEY
      },
      saas(
        "guide suspended or insufficient credits",
        403,
        detail("Team suspended or insufficient credits"),
        InsufficientCreditsException::class,
        false,
      ),
      saas("guide job not found", 404, detail("Job not found"), NotFoundException::class, false) {
        it.shouldBeInstanceOf<NotFoundException>().resource() shouldBe
          NotFoundException.Resource.JOB
      },
      saas(
        "guide pydantic v1 validation",
        422,
        """{"detail": [{"loc": ["body", "messages"], "msg": "field required", "type": "value_error.missing"}]}""",
        ValidationException::class,
        false,
      ) {
        val field = it.fieldErrors().single()
        field.field() shouldBe "body.messages"
        field.message() shouldBe "field required"
        field.type() shouldBe "value_error.missing"
        field.input() shouldBe null
      },
      saas(
        "guide rate limit",
        429,
        detail("Rate limit exceeded"),
        RateLimitedException::class,
        true,
      ),
      saas(
        "guide internal error",
        500,
        detail("Internal server error"),
        InternalServerException::class,
        true,
      ) {
        it.shouldBeInstanceOf<InternalServerException>().upstreamCause() shouldBe
          InternalServerException.UpstreamCause.UNKNOWN
      },
      saas(
        "guide service unavailable",
        503,
        detail("Service temporarily unavailable"),
        ServiceUnavailableException::class,
        true,
      ),
      saas("docs paused as 429", 429, detail("Team paused"), TeamPausedException::class, false),
      saas(
        "docs insufficient credits",
        403,
        detail("Insufficient credits"),
        InsufficientCreditsException::class,
        false,
      ),
    )

  val saasServer =
    listOf(
      saas("missing header", 401, detail(SAAS_401_MISSING), AuthenticationException::class, false) {
        it.shouldBeInstanceOf<AuthenticationException>().reason() shouldBe
          AuthenticationException.Reason.MISSING_HEADER
      },
      saas(
        "bad header format",
        401,
        detail(SAAS_401_FORMAT),
        AuthenticationException::class,
        false,
      ) {
        it.shouldBeInstanceOf<AuthenticationException>().reason() shouldBe
          AuthenticationException.Reason.MALFORMED_HEADER
      },
      saas("unknown key", 401, detail("Invalid API key"), AuthenticationException::class, false) {
        it.shouldBeInstanceOf<AuthenticationException>().reason() shouldBe
          AuthenticationException.Reason.INVALID_KEY
      },
      saas(
        "suspended",
        403,
        detail("Team access is suspended. Please contact support."),
        TeamSuspendedException::class,
        false,
      ),
      saas(
        "paused",
        403,
        detail("Team access is paused. Please contact support."),
        TeamPausedException::class,
        false,
      ),
      saas(
        "alias access",
        403,
        detail("Team 'acme-corp' does not have access to model alias 'chat-fast'"),
        ModelAccessDeniedException::class,
        false,
      ),
      saas(
        "group access",
        403,
        detail("Team 'acme-corp' does not have access to model group 'GPT4Agent'"),
        ModelAccessDeniedException::class,
        false,
      ),
      saas(
        "inactive group",
        403,
        detail("Model group 'GPT4Agent' not found or inactive"),
        ModelAccessDeniedException::class,
        false,
      ),
      saas(
        "group without models",
        403,
        detail("No active models configured for group 'GPT4Agent'"),
        ModelAccessDeniedException::class,
        false,
      ),
      saas(
        "key of another team",
        403,
        detail("API key does not belong to team 'other-team'"),
        PermissionDeniedException::class,
        false,
      ) {
        it::class shouldBe PermissionDeniedException::class
      },
      saas(
        "job of another team",
        403,
        detail("Job does not belong to your team"),
        PermissionDeniedException::class,
        false,
      ) {
        it::class shouldBe PermissionDeniedException::class
      },
      saas(
        "credit balance of another team",
        403,
        detail("Cannot access credit balance for a different team"),
        PermissionDeniedException::class,
        false,
      ) {
        it::class shouldBe PermissionDeniedException::class
      },
      saas(
        "jobs of another team",
        403,
        detail("Cannot access jobs for a different team"),
        PermissionDeniedException::class,
        false,
      ) {
        it::class shouldBe PermissionDeniedException::class
      },
      saas(
        "credit transactions of another team",
        403,
        detail("Cannot access credit transactions for a different team"),
        PermissionDeniedException::class,
        false,
      ) {
        it::class shouldBe PermissionDeniedException::class
      },
      saas(
        "credit check for another team",
        403,
        detail("Cannot check credits for a different team"),
        PermissionDeniedException::class,
        false,
      ) {
        it::class shouldBe PermissionDeniedException::class
      },
      saas(
        "model group resolution for another team",
        403,
        detail("Cannot resolve model group for a different team"),
        PermissionDeniedException::class,
        false,
      ) {
        it::class shouldBe PermissionDeniedException::class
      },
      saas(
        "usage data of another team",
        403,
        detail("Cannot access usage data for a different team"),
        PermissionDeniedException::class,
        false,
      ) {
        it::class shouldBe PermissionDeniedException::class
      },
      saas(
        "admin route with a team key",
        401,
        detail(SAAS_401_ADMIN),
        AuthenticationException::class,
        false,
      ) {
        it.shouldBeInstanceOf<AuthenticationException>().reason() shouldBe
          AuthenticationException.Reason.ADMIN_REQUIRED
        it.serverMessage() shouldContain "X-Admin-Key"
      },
      saas(
        "team not found",
        404,
        detail("Team 'acme-corp' not found"),
        NotFoundException::class,
        false,
      ) {
        it.shouldBeInstanceOf<NotFoundException>().resource() shouldBe
          NotFoundException.Resource.TEAM
      },
      saas(
        "model group not found",
        404,
        detail("Model group 'GPT4Agent' not found"),
        NotFoundException::class,
        false,
      ) {
        it.shouldBeInstanceOf<NotFoundException>().resource() shouldBe
          NotFoundException.Resource.MODEL
      },
      saas(
        "model alias not found",
        404,
        detail("Model alias 'chat-fast' not found"),
        NotFoundException::class,
        false,
      ) {
        it.shouldBeInstanceOf<NotFoundException>().resource() shouldBe
          NotFoundException.Resource.MODEL
      },
      saas("unknown route", 404, detail("Not Found"), NotFoundException::class, false) {
        it.shouldBeInstanceOf<NotFoundException>().resource() shouldBe
          NotFoundException.Resource.OTHER
      },
      saas(
        "pydantic v2 missing model",
        422,
        """{"detail":[{"type":"missing","loc":["body","model"],"msg":"Field required","input":{"model_group":"chat-fast","messages":[]}}]}""",
        ValidationException::class,
        false,
      ) {
        val field = it.fieldErrors().single()
        field.location() shouldContainExactly listOf("body", "model")
        field.type() shouldBe "missing"
        field.input()!! shouldContain "model_group"
        it.message!! shouldContain "body.model: Field required"
      },
      saas(
        "pydantic v2 literal error with ctx",
        422,
        """{"detail":[{"type":"literal_error","loc":["body","status"],"msg":"Input should be 'completed' or 'failed'","input":"COMPLETED","ctx":{"expected":"'completed' or 'failed'"}}]}""",
        ValidationException::class,
        false,
      ) {
        it.fieldErrors().single().input() shouldBe "COMPLETED"
      },
      saas(
        "pydantic v2 malformed JSON",
        422,
        """{"detail":[{"type":"json_invalid","loc":["body",12],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting value"}}]}""",
        ValidationException::class,
        false,
      ) {
        it.fieldErrors().single().location() shouldContainExactly listOf("body", "12")
      },
      saas(
        "plain-text 500 for a non-UUID job id",
        500,
        "Internal Server Error",
        InternalServerException::class,
        true,
        contentType = "text/plain; charset=utf-8",
      ) {
        it.serverMessage() shouldBe "Internal Server Error"
      },
      saas(
        "insufficient credits from credits check",
        403,
        detail(
          "Insufficient credits. Team has 0 credits remaining, but 1 required. Allocated: 10, Used: 10"
        ),
        InsufficientCreditsException::class,
        false,
      ),
    )

  val hiveops =
    listOf(
      hiveops(
        "invalid api key",
        401,
        openAiError("Invalid API key provided", "invalid_request_error", "invalid_api_key"),
        AuthenticationException::class,
        false,
      ) {
        it.shouldBeInstanceOf<AuthenticationException>().reason() shouldBe
          AuthenticationException.Reason.INVALID_KEY
        it.code() shouldBe "invalid_api_key"
        it.type() shouldBe "invalid_request_error"
        it.message!! shouldContain "90 days"
      },
      hiveops(
        "rate limit with exhausted window",
        429,
        openAiError(
          "Rate limit exceeded. Please try again later.",
          "rate_limit_error",
          "rate_limit_exceeded",
        ),
        RateLimitedException::class,
        true,
        headers =
          mapOf(
            "X-RateLimit-Limit-Requests" to "60",
            "X-RateLimit-Remaining-Requests" to "0",
            "X-RateLimit-Reset-Requests" to "2026-03-20T12:30:00Z",
          ),
      ) {
        it.retryAfter() shouldBe Duration.ofSeconds(60)
        it.rateLimit().limitRequests() shouldBe 60L
        it.rateLimit().remainingRequests() shouldBe 0L
        it.message!! shouldContain "retry after 60s"
      },
      hiveops(
        "insufficient balance",
        403,
        openAiError(
          "Insufficient account balance. Please add funds to continue.",
          "insufficient_quota",
          "insufficient_balance",
        ),
        InsufficientCreditsException::class,
        false,
      ),
      hiveops(
        "insufficient quota sent as 429",
        429,
        openAiError("You exceeded your current quota", "insufficient_quota", "insufficient_quota"),
        InsufficientCreditsException::class,
        false,
      ),
      hiveops(
        "insufficient balance sent as 429",
        429,
        openAiError(
          "Insufficient account balance. Please add funds to continue.",
          "insufficient_quota",
          "insufficient_balance",
        ),
        InsufficientCreditsException::class,
        false,
      ),
      hiveops(
        "invalid model as error object",
        400,
        openAiError("Invalid model 'gpt-3.5-turbo' specified", "invalid_request_error", null),
        InvalidModelException::class,
        false,
      ) {
        it.shouldBeInstanceOf<InvalidModelException>().model() shouldBe "gpt-3.5-turbo"
      },
      hiveops(
        "invalid model as text",
        400,
        "Invalid model 'invalid-model-name' specified",
        InvalidModelException::class,
        false,
        contentType = "text/plain",
      ) {
        it.shouldBeInstanceOf<InvalidModelException>().model() shouldBe "invalid-model-name"
      },
      hiveops(
        "model_not_found code",
        400,
        openAiError("The model does not exist", "invalid_request_error", "model_not_found"),
        InvalidModelException::class,
        false,
      ),
      hiveops(
        "server error",
        500,
        openAiError("Model inference timeout", "server_error", null),
        InternalServerException::class,
        true,
      ),
      hiveops(
        "overloaded",
        503,
        openAiError("Temporary overload", "server_error", "service_unavailable"),
        ServiceUnavailableException::class,
        true,
      ),
      hiveops(
        "blocked account",
        403,
        openAiError("Your account has been blocked", "permission_error", "account_blocked"),
        PermissionDeniedException::class,
        false,
      ) {
        it::class shouldBe PermissionDeniedException::class
      },
      hiveops(
        "numeric code and param",
        429,
        """{"error":{"message":"slow down","type":"rate_limit_error","code":429,"param":"model"}}""",
        RateLimitedException::class,
        true,
      ) {
        it.code() shouldBe "429"
        it.details().param() shouldBe "model"
      },
      hiveops(
        "null code",
        400,
        """{"error":{"message":"messages is required","type":"invalid_request_error","code":null,"param":null}}""",
        BadRequestException::class,
        false,
      ) {
        it.code() shouldBe null
      },
      hiveops(
        "missing key",
        401,
        openAiError("Missing API key", "invalid_request_error", null),
        AuthenticationException::class,
        false,
      ) {
        it.shouldBeInstanceOf<AuthenticationException>().reason() shouldBe
          AuthenticationException.Reason.MISSING_HEADER
      },
      hiveops(
        "expired key",
        401,
        openAiError("API key expired", "invalid_request_error", "expired_api_key"),
        AuthenticationException::class,
        false,
      ) {
        it.shouldBeInstanceOf<AuthenticationException>().reason() shouldBe
          AuthenticationException.Reason.EXPIRED_KEY
      },
    )

  val shapes =
    listOf(
      saas(
        "nginx HTML 502",
        502,
        NGINX_502,
        OtherServerException::class,
        false,
        contentType = "text/html",
      ) {
        it.serverMessage() shouldBe "502 Bad Gateway"
      },
      saas(
        "gateway timeout page",
        504,
        "<html><body><h1>504 Gateway Time-out</h1></body></html>",
        OtherServerException::class,
        false,
        contentType = "text/html",
      ) {
        it.serverMessage() shouldBe "504 Gateway Time-out"
      },
      saas("empty 503", 503, "", ServiceUnavailableException::class, true, contentType = null) {
        it.serverMessage() shouldBe ""
        it.rawBody() shouldBe ""
      },
      saas(
        "truncated JSON keeps its text",
        429,
        """{"detail": "Rate limit exceeded", "extra": [1, 2""",
        RateLimitedException::class,
        true,
      ) {
        it.serverMessage() shouldBe "Rate limit exceeded"
      },
      hiveops(
        "truncated JSON keeps its code",
        403,
        """{"error": {"message": "Insufficient account balance.", "type": "insufficient_quota", "code": "insufficient_balance", "pa""",
        InsufficientCreditsException::class,
        false,
      ),
      saas(
        "detail object",
        400,
        """{"detail": {"message": "Budget exceeded", "code": "budget_exceeded"}}""",
        BadRequestException::class,
        false,
      ) {
        it.serverMessage() shouldBe "Budget exceeded"
        it.code() shouldBe "budget_exceeded"
      },
      saas("JSON array body", 500, """["unexpected"]""", InternalServerException::class, true),
      saas("NUL byte body", 500, "\u0000", InternalServerException::class, true) {
        it.rawBody() shouldBe "\u0000"
      },
      // 0xC3 0x28 is a cut two-byte sequence, 0xFF is never UTF-8: both become U+FFFD.
      saas(
          "invalid UTF-8 bytes",
          500,
          "",
          InternalServerException::class,
          true,
          contentType = "text/plain",
        ) {
          it.rawBody() shouldBe "\uFFFD(\uFFFD ok"
          it.serverMessage() shouldBe "\uFFFD(\uFFFD ok"
        }
        .withBytes(byteArrayOf(0xC3.toByte(), 0x28, 0xFF.toByte(), 0x20, 0x6F, 0x6B)),
      saas(
        "success status is unexpected here",
        200,
        """{"job_id": "x"}""",
        UnexpectedResponseException::class,
        false,
      ),
      saas("redirect", 302, "", UnexpectedResponseException::class, false),
      saas("teapot", 418, detail("I'm a teapot"), BadRequestException::class, false),
      hiveops(
        "retry-after-ms beats Retry-After",
        429,
        "",
        RateLimitedException::class,
        true,
        headers = mapOf("retry-after-ms" to "1500", "Retry-After" to "30"),
      ) {
        it.retryAfter() shouldBe Duration.ofMillis(1500)
      },
      hiveops(
        "Retry-After seconds",
        503,
        "",
        ServiceUnavailableException::class,
        true,
        headers = mapOf("Retry-After" to "7"),
      ) {
        it.retryAfter() shouldBe Duration.ofSeconds(7)
      },
      hiveops(
        "Retry-After as HTTP date",
        503,
        "",
        ServiceUnavailableException::class,
        true,
        headers = mapOf("Retry-After" to "Fri, 20 Mar 2026 12:29:30 GMT"),
      ) {
        it.retryAfter() shouldBe Duration.ofSeconds(30)
      },
      hiveops(
        "request id",
        500,
        "",
        InternalServerException::class,
        true,
        headers = mapOf("x-request-id" to "req_123"),
      ) {
        it.requestId() shouldBe "req_123"
      },
    )

  val all = saasGuide + saasServer + UpstreamCauseTable.rows + hiveops + shapes
}
