package io.llmgateway.cli

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldEndWith
import java.net.ServerSocket
import java.net.Socket
import java.nio.file.Files
import java.util.concurrent.CompletableFuture
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

private fun freePort(): Int = ServerSocket(0).use { it.localPort }

/** Runs `llmgw serve` for a few seconds in the background; `block` talks to it meanwhile. */
private fun <T> serving(vararg flags: String, block: (String) -> T): T {
  val port = freePort()
  val run = CompletableFuture.supplyAsync {
    runCli("serve", "--port", "$port", "--duration-seconds", "4", *flags)
  }
  val deadline = System.nanoTime() + 10_000_000_000
  while (runCatching { Socket("127.0.0.1", port).close() }.isFailure) {
    check(System.nanoTime() < deadline && !run.isDone) {
      "serve did not start: ${run.getNow(null)}"
    }
    Thread.sleep(20)
  }
  try {
    return block("http://127.0.0.1:$port")
  } finally {
    run.get().exit shouldBe 0
  }
}

private val http = OkHttpClient()

private fun post(url: String, key: String, json: String): okhttp3.Response =
  http
    .newCall(
      Request.Builder()
        .url(url)
        .header("Authorization", "Bearer $key")
        .post(json.toRequestBody("application/json".toMediaType()))
        .build()
    )
    .execute()

private const val CHAT =
  """{"model":"llama3:8b-instruct-q8_0","messages":[{"role":"user","content":"hi"}]}"""

class ServeSpec :
  FunSpec({
    test("serve takes the HiveOps limits, the OpenAI form and the latency from its flags") {
      serving(
        "--hiveops-mode",
        "openai",
        "--hiveops-requests",
        "1",
        "--hiveops-window-seconds",
        "3600",
        "--latency-first-byte-ms",
        "150",
      ) { base ->
        val start = System.nanoTime()
        post("$base/chat/completions", "sk-fake-hive", CHAT).use {
          it.code shouldBe 200
          ((System.nanoTime() - start) / 1_000_000) shouldBeGreaterThanOrEqual 150
          it.header("X-RateLimit-Reset-Requests")!! shouldEndWith "s" // a duration, not ISO
        }
        post("$base/chat/completions", "sk-fake-hive", CHAT).use { it.code shouldBe 429 }
      }
    }

    test("serve takes a seed file and the SaaS window") {
      val seed = Files.createTempFile("seed", ".json")
      Files.writeString(
        seed,
        """{"teams":[{"id":"zeta","virtualKey":"sk-fake-zeta","rpm":1,"aliases":[{"alias":"m"}]}]}""",
      )
      try {
        serving("--seed", "$seed", "--saas-window-seconds", "2") { base ->
          val job = """{"team_id":"zeta","job_type":"x"}"""
          post("$base/api/jobs/create", "sk-fake-zeta", job).use { it.code shouldBe 200 }
          post("$base/api/jobs/create", "sk-fake-zeta", job).use {
            it.code shouldBe 429
            it.header("Retry-After")!!.toInt() shouldBeLessThanOrEqual 2
          }
        }
      } finally {
        Files.delete(seed)
      }
    }

    test("bad serve flags are usage errors, exit 2") {
      for (bad in
        listOf(
          arrayOf("--hiveops-mode", "azure"),
          arrayOf("--latency", "fast"),
          arrayOf("--latency-jitter", "2"),
          arrayOf("--hiveops-requests", "0"),
          arrayOf("--seed", "/nonexistent/seed.json"),
        )) {
        runCli("serve", "--port", "0", "--duration-seconds", "0", *bad).exit shouldBe 2
      }
    }

    test("serve --help documents every flag") {
      val help = runCli("serve", "--help").out
      for (flag in
        listOf(
          "--hiveops-mode",
          "--hiveops-requests",
          "--hiveops-tokens",
          "--hiveops-window-seconds",
          "--saas-window-seconds",
          "--seed",
          "--latency",
          "--latency-first-byte-ms",
          "--latency-token-ms",
          "--latency-jitter",
          "--latency-seed",
        )) {
        help shouldContain flag
      }
    }
  })
