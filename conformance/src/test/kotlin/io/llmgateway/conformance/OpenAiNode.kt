package io.llmgateway.conformance

import io.kotest.core.test.Enabled
import io.kotest.core.test.TestCase
import io.llmgateway.testing.internal.wire.Json
import java.io.File
import java.io.IOException
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/**
 * The official `openai` npm client at the version locked in `src/test/node/package-lock.json`,
 * installed with `npm ci` into `target/openai-node` and driven through `driver.mjs`. Without node
 * (18 or newer) and npm the tests that need it are skipped with a loud warning, except with
 * `CI=true`: then they run and fail, so CI never passes without having run the client.
 */
object OpenAiNode {
  private const val MIN_NODE = 18
  private const val HOW =
    "install node >= $MIN_NODE and npm (Debian: apt-get install -y nodejs npm; .ci/run does)"

  private val ci = System.getenv("CI") == "true"
  private val sources = File(System.getProperty("conformance.nodeSources") ?: "src/test/node")
  private val dir = File(System.getProperty("conformance.nodeDir") ?: "target/openai-node")

  /** The commands, `node` and `npm` on the PATH unless `-Dconformance.node=...` says otherwise. */
  private val node = System.getProperty("conformance.node") ?: "node"
  private val npm = System.getProperty("conformance.npm") ?: "npm"

  /** Why the client cannot run here, or null once node and npm are found and `npm ci` ran. */
  private val problem: String? by lazy { findProblem() }

  /** For `config(enabledOrReasonIf = OpenAiNode.enabled)`. */
  val enabled: (TestCase) -> Enabled = {
    val why = problem
    when {
      why == null || ci -> Enabled.enabled
      else -> Enabled.disabled("openai-node conformance SKIPPED: $why; to run it, $HOW")
    }
  }

  /** A running driver; fails the test (with the reason) when the client cannot run here. */
  fun start(): Driver {
    problem?.let {
      throw AssertionError(
        "openai-node conformance needs node and the npm client: $it (with CI=true it fails" +
          " instead of skipping); $HOW"
      )
    }
    return Driver(node, dir)
  }

  private fun findProblem(): String? {
    val version = run(listOf(node, "--version"), 30)?.trim()
    val major = version?.removePrefix("v")?.substringBefore('.')?.toIntOrNull()
    val why =
      when {
        version == null -> "node is not on the PATH"
        major == null || major < MIN_NODE -> "node $version is older than $MIN_NODE"
        run(listOf(npm, "--version"), 60) == null -> "npm is not on the PATH"
        else -> install()
      }
    if (why != null) warnLoudly(why)
    return why
  }

  /** Copies the locked manifest and the driver to target/ and runs `npm ci` when it changed. */
  private fun install(): String? {
    dir.mkdirs()
    val lock = File(sources, "package-lock.json")
    val installedLock = File(dir, "package-lock.json")
    val fresh =
      File(dir, "node_modules/openai/package.json").isFile &&
        installedLock.isFile &&
        installedLock.readText() == lock.readText()
    for (name in listOf("package.json", "package-lock.json", "driver.mjs")) {
      File(sources, name).copyTo(File(dir, name), overwrite = true)
    }
    if (fresh) return null
    val output =
      run(
        listOf(npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"),
        600,
        dir,
      )
    return if (output == null) "npm ci failed in $dir (is the npm registry reachable?)" else null
  }

  /** A command's output, or null when it cannot start, fails or takes too long. */
  private fun run(command: List<String>, seconds: Long, where: File? = null): String? =
    try {
      val process = ProcessBuilder(command).directory(where).redirectErrorStream(true).start()
      val out = StringBuilder()
      val reader = Thread { out.append(process.inputStream.bufferedReader().readText()) }
      reader.start()
      val done = process.waitFor(seconds, TimeUnit.SECONDS)
      if (!done) process.destroyForcibly()
      reader.join(5_000)
      if (done && process.exitValue() == 0) out.toString()
      else {
        System.err.println("`${command.joinToString(" ")}` failed:\n$out")
        null
      }
    } catch (e: IOException) {
      null
    }

  private fun warnLoudly(why: String) {
    val line = "#".repeat(100)
    System.err.println(
      """
      |$line
      |# WARNING: the openai-node conformance tests are ${if (ci) "FAILING" else "SKIPPED"}: $why.
      |# They drive the fake gateway with the official openai npm client; without it nothing checks
      |# the fake against a client nobody here wrote. To run them, $HOW.
      |$line
      """
        .trimMargin()
    )
  }

  /** One `node driver.mjs` process: a case per line in, what the client reported per line out. */
  class Driver(node: String, dir: File) : AutoCloseable {
    private val process =
      ProcessBuilder(node, "driver.mjs")
        .directory(dir)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start()
    private val lines = LinkedBlockingQueue<String>()
    private val writer = process.outputStream.bufferedWriter()

    init {
      Thread { process.inputStream.bufferedReader().forEachLine { lines.put(it) } }
        .apply { isDaemon = true }
        .start()
    }

    /** Runs one case and returns the client's report (`ok`, `status`, `code`, `requestId`...). */
    @Suppress("UNCHECKED_CAST")
    fun call(case: Map<String, Any?>): Map<String, Any?> {
      writer.write(Json.write(case))
      writer.newLine()
      writer.flush()
      val line =
        lines.poll(60, TimeUnit.SECONDS)
          ?: throw AssertionError("the openai-node driver did not answer $case")
      return Json.parse(line) as Map<String, Any?>
    }

    override fun close() {
      writer.close()
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly()
    }
  }
}
