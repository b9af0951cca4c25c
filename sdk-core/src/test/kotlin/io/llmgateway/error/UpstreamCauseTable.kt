package io.llmgateway.error

import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.error.InternalServerException.UpstreamCause

/**
 * SaaS LiteLLM's 500 `LLM call failed: 500: ...` texts (specs/saas-litellm-server.md §3.4, §5, §10)
 * and the cause each must give. After `OpenAI error:`, `Anthropic error:` and `Fireworks error:`
 * the spec writes "…": there the server puts the provider library's own text, which is `Error code:
 * 400 - {...}` (OpenAI and Anthropic SDKs) or `Client error '401 Unauthorized' for url ...`
 * (httpx), so the provider's status decides.
 */
object UpstreamCauseTable {
  private const val PREFIX = "LLM call failed: 500: Failed to call provider API: "
  private const val HTTPX_HINT =
    "\\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/"

  private fun row(name: String, text: String, cause: UpstreamCause, retryable: Boolean) =
    saas(name, 500, detail(text), InternalServerException::class, retryable) {
      it.shouldBeInstanceOf<InternalServerException>().upstreamCause() shouldBe cause
    }

  private fun httpx(provider: String, status: String, url: String): String {
    val kind = if (status.startsWith("4")) "Client" else "Server"
    val prefix = if (provider.isEmpty()) "" else "$provider error: "
    return "$PREFIX$prefix$kind error '$status' for url '$url'$HTTPX_HINT${status.take(3)}"
  }

  private const val OPENAI_URL = "https://api.openai.com/v1/chat/completions"
  private const val FIREWORKS_URL = "https://api.fireworks.ai/inference/v1/chat/completions"

  val rows =
    listOf(
      row(
        "no provider credentials",
        "LLM call failed: 500: No provider credentials configured for openai. Please add credentials in the admin dashboard.",
        UpstreamCause.NO_PROVIDER_CREDENTIALS,
        false,
      ),
      row(
        "missing organization",
        "LLM call failed: 500: Provider routing requires organization context. This is likely a configuration error.",
        UpstreamCause.MISSING_ORGANIZATION,
        false,
      ),
      row(
        "provider rate limit",
        "${PREFIX}OpenAI rate limit: Error code: 429",
        UpstreamCause.PROVIDER_RATE_LIMIT,
        true,
      ),
      row(
        "provider authentication",
        "${PREFIX}OpenAI authentication failed: Incorrect API key",
        UpstreamCause.PROVIDER_AUTHENTICATION,
        false,
      ),
      row(
        "anthropic authentication",
        "${PREFIX}Anthropic authentication failed: invalid x-api-key",
        UpstreamCause.PROVIDER_AUTHENTICATION,
        false,
      ),
      row(
        "provider 401 as a raw httpx text",
        httpx("", "401 Unauthorized", OPENAI_URL),
        UpstreamCause.PROVIDER_AUTHENTICATION,
        false,
      ),
      row(
        "OpenAI error: provider 500",
        "${PREFIX}OpenAI error: Error code: 500 - {'error': {'message': 'The server had an error while processing your request.', 'type': 'server_error', 'param': None, 'code': None}}",
        UpstreamCause.PROVIDER_ERROR,
        true,
      ),
      row(
        "OpenAI error: connection error",
        "${PREFIX}OpenAI error: Connection error.",
        UpstreamCause.PROVIDER_ERROR,
        true,
      ),
      row(
        "OpenAI error: provider 400",
        "${PREFIX}OpenAI error: Error code: 400 - {'error': {'message': 'Invalid max_tokens: integer below minimum value.', 'type': 'invalid_request_error', 'param': 'max_tokens', 'code': 'integer_below_min_value'}}",
        UpstreamCause.PROVIDER_REJECTED_REQUEST,
        false,
      ),
      row(
        "Anthropic error: overloaded 529",
        "${PREFIX}Anthropic error: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
        UpstreamCause.PROVIDER_ERROR,
        true,
      ),
      row(
        "Anthropic error: unknown model 404",
        "${PREFIX}Anthropic error: Error code: 404 - {'type': 'error', 'error': {'type': 'not_found_error', 'message': 'model: claude-0'}}",
        UpstreamCause.PROVIDER_REJECTED_REQUEST,
        false,
      ),
      row(
        "Fireworks error: 503",
        httpx("Fireworks", "503 Service Unavailable", FIREWORKS_URL),
        UpstreamCause.PROVIDER_ERROR,
        true,
      ),
      row(
        "Fireworks error: 401",
        httpx("Fireworks", "401 Unauthorized", FIREWORKS_URL),
        UpstreamCause.PROVIDER_AUTHENTICATION,
        false,
      ),
      row(
        "Fireworks error: 429",
        httpx("Fireworks", "429 Too Many Requests", FIREWORKS_URL),
        UpstreamCause.PROVIDER_RATE_LIMIT,
        true,
      ),
      row(
        "Fireworks error: 404",
        httpx("Fireworks", "404 Not Found", FIREWORKS_URL),
        UpstreamCause.PROVIDER_REJECTED_REQUEST,
        false,
      ),
      row(
        "Gemini error: other text",
        "${PREFIX}Gemini error: upstream overloaded",
        UpstreamCause.PROVIDER_ERROR,
        true,
      ),
    )
}
