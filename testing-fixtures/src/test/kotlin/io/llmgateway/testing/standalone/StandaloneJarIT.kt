package io.llmgateway.testing.standalone

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldEndWith
import io.llmgateway.testing.ACME
import io.llmgateway.testing.HIVE
import io.llmgateway.testing.Http
import io.llmgateway.testing.chatBody
import io.llmgateway.testing.createJobBody
import java.io.File
import java.net.ServerSocket
import java.nio.file.Files
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/** The built `-standalone.jar`: Failsafe passes its path; a plain IDE run looks in target/. */
private fun standaloneJar(): File {
  System.getProperty("standalone.jar")
    ?.let { File(it) }
    ?.takeIf { it.isFile }
    ?.let {
      return it
    }
  return File("target").listFiles { f -> f.name.endsWith("-standalone.jar") }?.firstOrNull()
    ?: error("No *-standalone.jar in target/: run `mvn verify`")
}

private fun freePort(): Int = ServerSocket(0).use { it.localPort }

/** A running standalone server and everything it printed before it was ready. */
private class Server(vararg args: String) : AutoCloseable {
  val port = freePort()
  val process: Process
  val output = StringBuilder()

  init {
    val java = File(System.getProperty("java.home"), "bin/java").path
    process =
      ProcessBuilder(listOf(java, "-jar", standaloneJar().path, "--port", "$port") + args)
        .redirectErrorStream(true)
        .start()
    val lines = LinkedBlockingQueue<String>()
    Thread { process.inputStream.bufferedReader().forEachLine { lines.put(it) } }
      .apply { isDaemon = true }
      .start()
    while (true) {
      val line = lines.poll(30, TimeUnit.SECONDS) ?: error("Server did not start:\n$output")
      output.appendLine(line)
      if (line.startsWith("Listening on ")) break
    }
  }

  val url: String
    get() = "http://127.0.0.1:$port"

  override fun close() {
    process.destroy()
    process.waitFor(10, TimeUnit.SECONDS)
  }
}

class StandaloneJarIT :
  FunSpec({
    test("java -jar --port P serves both personalities and prints its URL and default seed") {
      Server().use { server ->
        server.output.toString() shouldContain "\"virtualKey\": \"sk-fake-acme\""
        server.output.toString().trim() shouldEndWith "Listening on http://127.0.0.1:${server.port}"
        Http(server.url).get("/health").body shouldBe
          """{"status":"healthy","service":"saas-llm-api"}"""
        Http(server.url, HIVE)
          .post("/v1/chat/completions", chatBody("llama3:8b-instruct-q8_0"))
          .body shouldContain "\"object\":\"chat.completion\""
        Http(server.url, ACME).post("/api/jobs/create", createJobBody()).body shouldContain
          "\"status\":\"pending\""
      }
    }

    test("--mode real-server and --seed FILE change the personality and the state") {
      val seed = Files.createTempFile("seed", ".json").toFile()
      seed.writeText(
        """{"teams":[{"id":"t1","virtualKey":"sk-fake-t1","aliases":[{"alias":"m"}]}],""" +
          """"hiveOpsKeys":[{"key":"sk-fake-k","balanceUsd":0}]}"""
      )
      try {
        Server("--mode", "real-server", "--seed", seed.path).use { server ->
          Http(server.url, "sk-fake-t1")
            .post("/api/jobs/create", createJobBody("t1"))
            .body shouldContain "\"status\":\"PENDING\""
          Http(server.url, ACME).get("/api/jobs/x").status shouldBe 401
          Http(server.url, "sk-fake-k")
            .post("/chat/completions", chatBody("gemma-2-9b-it"))
            .status shouldBe 403
        }
      } finally {
        seed.delete()
      }
    }

    test("rate limits, the OpenAI form and latency come from the command line") {
      Server(
          "--hiveops-mode",
          "openai",
          "--hiveops-requests",
          "1",
          "--hiveops-window-seconds",
          "3600",
          "--latency-first-byte-ms",
          "200",
        )
        .use { server ->
          server.output.toString() shouldContain "HiveOps mode: OPENAI"
          val hive = Http(server.url, HIVE)
          val start = System.nanoTime()
          val first = hive.post("/chat/completions", chatBody("llama3:8b-instruct-q8_0"))
          ((System.nanoTime() - start) / 1_000_000 >= 200) shouldBe true
          first.header("X-RateLimit-Reset-Requests")!! shouldEndWith "s" // a duration, not ISO
          hive.post("/chat/completions", chatBody("llama3:8b-instruct-q8_0")).status shouldBe 429
        }
    }

    test("--help lists every flag and exits 0") {
      val java = File(System.getProperty("java.home"), "bin/java").path
      val process =
        ProcessBuilder(java, "-jar", standaloneJar().path, "--help")
          .redirectErrorStream(true)
          .start()
      val text = process.inputStream.bufferedReader().readText()
      process.waitFor(30, TimeUnit.SECONDS) shouldBe true
      process.exitValue() shouldBe 0
      for (flag in
        listOf(
          "--hiveops-mode",
          "--hiveops-requests",
          "--hiveops-tokens",
          "--saas-window-seconds",
          "--latency-token-ms",
          "--latency-seed",
        )) {
        text shouldContain flag
      }
    }

    test("a missing --port exits with status 2 and the usage") {
      val java = File(System.getProperty("java.home"), "bin/java").path
      val process =
        ProcessBuilder(java, "-jar", standaloneJar().path).redirectErrorStream(true).start()
      val text = process.inputStream.bufferedReader().readText()
      process.waitFor(30, TimeUnit.SECONDS) shouldBe true
      process.exitValue() shouldBe 2
      text shouldContain "usage: java -jar"
    }
  })
