package io.llmgateway.androidcheck

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.llmgateway.testing.FakeGateway
import java.io.ByteArrayOutputStream
import java.io.File
import java.io.PrintStream
import java.nio.file.Files
import java.util.concurrent.TimeUnit

/**
 * The Android proof: R8 in full mode shrinks [SampleApp] with the SDK, Moshi and Retrofit, using
 * only the keep rules their jars ship (the app's own rule keeps its main and nothing else); the
 * shrunk app, run on the JVM against the fake gateway over loopback, prints what the unshrunk app
 * prints.
 *
 * The OpenAI SDK and what it shares with the SDK (OkHttp, okio, Kotlin's libraries, Jackson) stay
 * as they are, as library: their own rules keep most of the OpenAI SDK's thousands of models, and
 * shrinking them takes R8 minutes on 2 cores. Their rules are their makers' to prove.
 */
class ShrunkAppSpec :
  FunSpec({
    val target = File("target")
    val appClasspath =
      File(target, "app-classpath.txt").readText().trim().split(File.pathSeparator).map(::File)
    val (library, dependencies) =
      appClasspath.partition { jar ->
        LIBRARY.any { jar.invariantSeparatorsPath.contains(it) }
      }
    val program = listOf(File(target, "classes")) + dependencies

    test("a full-mode R8 build of an app runs a job, a stream, a typed error and a HiveOps chat") {
      val work = Files.createTempDirectory(target.toPath(), "r8").toFile()
      val shrinker = Shrinker(work)
      val started = System.nanoTime()
      val shrunk =
        shrinker.shrink(
          program,
          library,
          "-keep class ${SampleApp::class.java.name} { public static void main(java.lang.String[]); }",
          File(work, "shrunk.jar"),
        )
      println("R8 took ${(System.nanoTime() - started) / 1_000_000} ms")
      shrinker.rules.map { it.substringAfter('!') } shouldContainAll
        listOf("sdk-core", "sdk-saas-litellm", "sdk-openai-compat", "moshi", "retrofit2").map {
          "META-INF/proguard/$it.pro"
        }

      val expected = FakeGateway.builder().start().use { inProcess(it.url()) }
      val actual =
        FakeGateway.builder().start().use { shrunkApp(it.url(), listOf(shrunk) + library) }

      actual.lines().map { it.substringBefore(':') } shouldBe
        listOf("job", "models", "credits", "stream", "typed error", "chat")
      actual shouldContain "typed error: TeamSuspendedException 403"
      masked(actual) shouldBe masked(expected)
      shrinker.warnings.filter { it.contains("io.llmgateway") }.shouldBeEmpty()
    }
  })

/** Maven paths of the OpenAI SDK and of what it shares with the SDK: R8's library, not shrunk. */
private val LIBRARY =
  listOf(
    "/com/openai/",
    "/com/fasterxml/",
    "/com/github/victools/",
    "/io/swagger/",
    "/com/google/errorprone/",
    "/org/jetbrains/",
    "/com/squareup/okhttp3/",
    "/com/squareup/okio/",
  )

/** The unshrunk app's stdout: run here, where its classes are. */
private fun inProcess(url: String): String {
  val out = ByteArrayOutputStream()
  val console = System.out
  System.setOut(PrintStream(out, true, Charsets.UTF_8))
  try {
    SampleApp.main(arrayOf(url))
  } finally {
    System.setOut(console)
  }
  return out.toString(Charsets.UTF_8).trim()
}

/** The shrunk app's stdout, run on [classpath] in a JVM of its own; fails unless it exits 0. */
private fun shrunkApp(url: String, classpath: List<File>): String {
  val errors = File.createTempFile("sample-app", ".err", File("target"))
  val java = File(System.getProperty("java.home"), "bin/java").path
  val process =
    ProcessBuilder(
        java,
        "-XX:TieredStopAtLevel=1",
        "-cp",
        classpath.joinToString(File.pathSeparator),
        SampleApp::class.java.name,
        url,
      )
      .redirectError(errors)
      .start()
  val out = process.inputStream.bufferedReader().readText()
  check(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
    "the shrunk app failed (exit ${process.exitValue()}): $out\n${errors.readText()}"
  }
  errors.delete()
  return out.trim()
}

// Timestamps come from the gateway's clock; everything else in the output is the same every run.
private fun masked(output: String) =
  output.replace(Regex("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z"), "<time>")
