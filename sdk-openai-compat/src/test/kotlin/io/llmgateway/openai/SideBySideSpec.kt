package io.llmgateway.openai

import com.openai.client.OpenAIClient
import com.openai.client.okhttp.OpenAIOkHttpClient
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.llmgateway.testing.FakeGateway
import io.llmgateway.testing.fault.Fault
import java.io.File
import okhttp3.mockwebserver.MockResponse

/**
 * The same fault scripts through plain openai-java (its defaults: 2 retries, its own backoff and
 * Retry-After) and through the drop-in `hive.openAi()`. On every row the drop-in does at least as
 * well: it succeeds where the SDK succeeds, sends no more requests when both fail, and reports an
 * error where the SDK reports a truncated success. The table it measures is written to
 * `target/side-by-side.md` (and shown in the README).
 */
class SideBySideSpec :
  FunSpec({
    class Row(
      val name: String,
      val stream: Boolean,
      val key: String = "sk-fake-hive",
      val script: FakeGateway.() -> Unit,
      val truncated: Boolean = false,
      val check: (plain: Outcome, ours: Outcome) -> Unit,
    )

    fun plain(gateway: FakeGateway, key: String): OpenAIClient =
      OpenAIOkHttpClient.builder().baseUrl(gateway.hiveOpsBaseUrl()).apiKey(key).build()

    fun run(client: OpenAIClient, stream: Boolean, translate: (RuntimeException) -> Any): Outcome =
      try {
        if (stream) {
          val text = StringBuilder()
          client.chat().completions().createStreaming(ask(model = GATEWAY_MODEL)).use { s ->
            s.stream().forEach { chunk ->
              chunk.choices().forEach { c -> c.delta().content().ifPresent { text.append(it) } }
            }
          }
          Outcome("ok", 0, text.toString())
        } else {
          Outcome(
            "ok",
            0,
            client
              .chat()
              .completions()
              .create(ask(model = GATEWAY_MODEL))
              .choices()[0]
              .message()
              .content()
              .orElse(""),
          )
        }
      } catch (e: RuntimeException) {
        val typed = translate(e)
        Outcome(
          e.javaClass.simpleName + (if (typed !== e) " -> " + typed.javaClass.simpleName else ""),
          0,
        )
      }

    val slowDown = Fault.openAiError(429, "Rate limit exceeded", "rate_limit_error", null)

    fun sseChunk(content: String, extra: String = "") =
      "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\"," +
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"$content\"},\"finish_reason\":null}]$extra}\n\n"

    val rows =
      listOf(
        Row(
          "one 503",
          false,
          script = { faults().on("POST", "/chat/completions").next(Fault.status(503)) },
        ) { plain, ours ->
          ours.ok shouldBe plain.ok
          ours.requests shouldBeLessThanOrEqual plain.requests
        },
        Row(
          "two 500s",
          false,
          script = { faults().on("POST", "/chat/completions").times(2, Fault.status(500)) },
        ) { plain, ours ->
          ours.ok shouldBe plain.ok
        },
        Row(
          "a 429 with Retry-After",
          false,
          script = {
            faults().on("POST", "/chat/completions").next(slowDown.withRetryAfterSeconds(1))
          },
        ) { plain, ours ->
          ours.ok shouldBe true
          ours.requests shouldBeLessThanOrEqual plain.requests
        },
        Row(
          "a 429 storm past the retry budget (Retry-After: 120)",
          false,
          script = {
            faults().on("POST", "/chat/completions").thenAlways(slowDown.withRetryAfterSeconds(120))
          },
        ) { plain, ours ->
          ours.ok shouldBe plain.ok
          ours.requests shouldBe 1 // the server said the wait is past the budget: stop at once
          ours.requests shouldBeLessThanOrEqual plain.requests
        },
        Row("insufficient balance as 403", false, key = "sk-fake-hive-broke", script = {}) {
          plain,
          ours ->
          ours.result shouldBe "PermissionDeniedException -> InsufficientCreditsException"
          ours.requests shouldBeLessThanOrEqual plain.requests
        },
        Row(
          "insufficient balance as 429",
          false,
          script = {
            faults()
              .on("POST", "/chat/completions")
              .thenAlways(
                Fault.openAiError(
                  429,
                  "You exceeded your current quota",
                  "insufficient_quota",
                  "insufficient_quota",
                )
              )
          },
        ) { plain, ours ->
          ours.result shouldBe "RateLimitException -> InsufficientCreditsException"
          ours.requests shouldBe 1 // never retried
          ours.requests shouldBeLessThanOrEqual plain.requests
        },
        Row(
          "a connection reset before the answer",
          false,
          script = {
            faults().on("POST", "/chat/completions").next(Fault.disconnectAfterRequest())
          },
        ) { plain, ours ->
          ours.ok shouldBe plain.ok
          ours.requests shouldBeLessThanOrEqual plain.requests
        },
        Row(
          "a stream cut after three chunks",
          true,
          script = {
            faults().on("POST", "/chat/completions").next(Fault.disconnectAfterEvents(3))
          },
        ) { plain, ours ->
          ours.ok shouldBe false
          ours.result shouldBe "OpenAIIoException -> StreamInterruptedException"
        },
        Row(
          "a stream that ends cleanly without a finish reason",
          true,
          truncated = true,
          script = {
            faults()
              .on("POST", "/chat/completions")
              .next(
                Fault {
                  MockResponse()
                    .setHeader("Content-Type", "text/event-stream")
                    .setBody(sseChunk("Fake ") + sseChunk("reply"))
                }
              )
          },
        ) { plain, ours ->
          plain.ok shouldBe true // the SDK alone reports half the text as a normal end
          ours.ok shouldBe false
          ours.result shouldBe "OpenAIIoException -> StreamInterruptedException"
        },
        Row(
          "chunks with \"error\": null",
          true,
          script = {
            faults()
              .on("POST", "/chat/completions")
              .next(
                Fault {
                  MockResponse()
                    .setHeader("Content-Type", "text/event-stream")
                    .setBody(
                      sseChunk("Fake ", ",\"error\":null") +
                        sseChunk("reply", ",\"error\":null") +
                        "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1," +
                        "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{}," +
                        "\"finish_reason\":\"stop\"}],\"error\":null}\n\ndata: [DONE]\n\n"
                    )
                }
              )
          },
        ) { _, ours ->
          ours.ok shouldBe true
          ours.text shouldBe "Fake reply"
        },
      )

    test("the drop-in is never worse than plain openai-java, fault by fault") {
      val table = StringBuilder()
      table.appendLine("| fault | plain openai-java (defaults) | `hive.openAi()` (drop-in) |")
      table.appendLine("|---|---|---|")
      for (row in rows) {
        val outcomes =
          listOf(false, true).map { ours ->
            fakeHive().use { gateway ->
              row.script(gateway)
              val outcome =
                if (ours) {
                  gateway.hiveClient(key = row.key).use { hive ->
                    run(hive.openAi(), row.stream) { hive.translate(it) }
                  }
                } else {
                  plain(gateway, row.key).let { client ->
                    try {
                      run(client, row.stream) { it }
                    } finally {
                      client.close()
                    }
                  }
                }
              outcome.copy(requests = gateway.chatRequests())
            }
          }
        val (plainOutcome, oursOutcome) = outcomes
        table.appendLine(
          "| ${row.name} | ${describe(plainOutcome, row.truncated)} | " +
            "${describe(oursOutcome, row.truncated)} |"
        )
        withClue("${row.name}: plain $plainOutcome, ours $oursOutcome") {
          row.check(plainOutcome, oursOutcome)
        }
      }
      File("target/side-by-side.md").writeText(table.toString())
      println(table)
    }
  })

/** A model id the gateway knows, so plain openai-java needs no mapping. */
private const val GATEWAY_MODEL = "llama3:8b-instruct-q8_0"

/** How a row came out for one client. */
private data class Outcome(val result: String, val requests: Int, val text: String = "") {
  val ok: Boolean
    get() = result == "ok"
}

private fun describe(o: Outcome, truncated: Boolean): String {
  val plural = if (o.requests == 1) "request" else "requests"
  return when {
    !o.ok -> "`${o.result}` after ${o.requests} $plural"
    truncated -> "ok, \"${o.text}\" (half the text, reported as a normal end)"
    else -> "ok after ${o.requests} $plural"
  }
}
