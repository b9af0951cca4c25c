package io.llmgateway.error

import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.llmgateway.internal.http.HeaderLookup

private const val KEY = "sk-canaryQ7xZ9pL2mN4vB8kR3tY6wJ"

/** A response that echoes the caller's key somewhere the error keeps. */
private data class Echo(
  val name: String,
  val status: Int,
  val body: String,
  val headers: Map<String, String> = emptyMap(),
  val contentType: String = "application/json",
) {
  override fun toString() = name

  fun classify(): LlmGatewayException =
    ErrorClassifier.create()
      .classify(
        Provider.SAAS_LITELLM,
        status,
        HeaderLookup.of(headers.mapValues { listOf(it.value) }),
        body.toByteArray(),
        contentType,
      )
}

private fun pad(n: Int) = "a".repeat(n)

private val echoes =
  listOf(
    Echo(
      "422 v2 msg, loc and input",
      422,
      """{"detail":[{"type":"string_type","loc":["body","$KEY"],"msg":"bad value $KEY","input":"$KEY"}]}""",
    ),
    Echo(
      "422 v1 msg and type",
      422,
      """{"detail":[{"loc":["body","api_key"],"msg":"key $KEY is not allowed","type":"value_error.$KEY"}]}""",
    ),
    Echo("422 list of bare strings", 422, """{"detail":["no key like $KEY here"]}"""),
    Echo(
      "error object code, type and param",
      401,
      """{"error":{"message":"Incorrect API key","type":"$KEY","code":"$KEY","param":"$KEY"}}""",
    ),
    Echo(
      "detail object code, type and param",
      400,
      """{"detail":{"message":"no","type":"t $KEY","code":"c $KEY","param":"p $KEY"}}""",
    ),
    Echo("error as text", 500, """{"error":"upstream refused $KEY"}"""),
    Echo("x-request-id header", 500, "", headers = mapOf("x-request-id" to KEY)),
    Echo("request-id header", 503, "", headers = mapOf("request-id" to "req $KEY")),
    Echo("invalid model named by the key", 400, """{"detail":"Invalid model '$KEY' specified"}"""),
    Echo(
      "truncated JSON salvaged type and code",
      403,
      """{"error":{"message":"denied $KEY","type":"$KEY","code":"$KEY","pa""",
    ),
    Echo("plain text", 500, "Internal error for $KEY", contentType = "text/plain"),
    Echo(
      "HTML title",
      502,
      "<html><head><title>bad key $KEY</title></head></html>",
      contentType = "text/html",
    ),
  ) +
    // The cut of a 500-character message falling 12 to 1 characters into the key.
    (488..499).map {
      Echo("key across the 500 cut at +${500 - it}", 400, """{"detail":"${pad(it)}$KEY"}""")
    } +
    // Moshi prints {"input": {"pad": ..., "key": ...}} as "{pad=aaa, key=sk-...}": the key starts
    // at 11 + n, so these cut the 200-character compact text 12 to 1 characters into it.
    (177..188).map {
      Echo(
        "key across the 200 cut at +${189 - it}",
        422,
        """{"detail":[{"type":"t","loc":["body"],"msg":"m","input":{"pad":"${pad(it)}","key":"$KEY"}}]}""",
      )
    } +
    (177..188).map {
      Echo(
        "code object with the key across the 200 cut at +${189 - it}",
        429,
        """{"error":{"message":"m","code":{"pad":"${pad(it)}","key":"$KEY"}}}""",
      )
    } +
    // The raw body keeps 8 KiB.
    (8180..8191).map {
      Echo(
        "key across the raw body cut at +${8192 - it}",
        500,
        pad(it) + KEY,
        contentType = "text/plain",
      )
    }

class EchoedKeySpec :
  FunSpec({
    context("a key echoed by the server is on no text the error keeps") {
      withData(nameFn = { it.name }, echoes) { echo ->
        val error = echo.classify()
        KeyLeaks.assertNone(KeyLeaks.textsOf(error), KEY)
      }
    }

    test("the echoed field errors keep their shape, with the key masked") {
      val error = echoes.first().classify()
      val field = error.fieldErrors().single()
      field.location() shouldBe listOf("body", "sk-[REDACTED]")
      field.message() shouldBe "bad value sk-[REDACTED]"
      field.input() shouldBe "sk-[REDACTED]"
    }

    test("an echoed request id is masked, not dropped") {
      echoes.first { it.name == "x-request-id header" }.classify().requestId() shouldBe
        "sk-[REDACTED]"
    }

    test("a key named as the invalid model is masked in model()") {
      val error = echoes.first { it.name.startsWith("invalid model") }.classify()
      error.shouldBeInstanceOf<InvalidModelException>().model() shouldBe "sk-[REDACTED]"
    }

    test("a stream error event that echoes the key keeps none of it") {
      val error =
        ErrorClassifier.create()
          .classifyStreamEvent(
            Provider.HIVEOPS,
            """{"error":{"message":"bad key $KEY","type":"$KEY","code":"$KEY","param":"$KEY"}}""",
            "partial",
            1,
          )
      KeyLeaks.assertNone(KeyLeaks.textsOf(error), KEY)
      error.code() shouldBe "sk-[REDACTED]"
    }

    test("details and field errors built by hand are redacted on the way in") {
      val details =
        ErrorDetails.builder(Provider.HIVEOPS)
          .status(400)
          .serverMessage("msg $KEY")
          .type(KEY)
          .code(KEY)
          .param(KEY)
          .requestId(KEY)
          .fieldErrors(listOf(FieldError(listOf("body", KEY), "msg $KEY", KEY, KEY)))
          .rawBody("raw $KEY")
          .build()
      val error = BadRequestException("HTTP 400 bad request [hiveops]: $KEY", details)
      val texts = KeyLeaks.textsOf(error)
      texts.shouldNotBeEmpty()
      KeyLeaks.assertNone(texts, KEY)
      error.fieldErrors().single().toString() shouldContain "sk-[REDACTED]"
    }
  })
