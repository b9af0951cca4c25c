package io.llmgateway.coroutines

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.llmgateway.testing.FakeGateway
import java.io.File
import java.util.concurrent.TimeUnit

/**
 * An app that forgets close() still exits at once: each client style, after a real call over
 * loopback (so its threads exist), in a child JVM whose main returns without closing the client.
 */
class ForgottenCloseSpec :
  FunSpec({
    val styles =
      listOf(
        "job",
        "job-async",
        "job-suspending",
        "hiveops",
        "hiveops-async",
        "hiveops-suspending",
        "hiveops-drop-in",
      )
    for (style in styles) {
      test("a $style client left open lets the JVM exit within 2 s of main returning") {
        FakeGateway.builder().start().use { gateway ->
          val (lastLine, exitedAt) = runChild(gateway.url(), style)
          lastLine shouldStartWith "returning "
          val returnedAt = lastLine.removePrefix("returning ").substringBefore(' ').toLong()
          println("$style: exit ${exitedAt - returnedAt} ms after main returned; $lastLine")
          // The line names the non-daemon threads that were alive as main returned.
          withClue(lastLine) { (exitedAt - returnedAt) shouldBeLessThan 2_000L }
        }
      }
    }
  })

/** The child's last stdout line and the wall-clock time its process ended. */
private fun runChild(baseUrl: String, style: String): Pair<String, Long> {
  val java = File(System.getProperty("java.home"), "bin/java").path
  val process =
    ProcessBuilder(
        java,
        "-cp",
        System.getProperty("java.class.path"),
        ForgottenCloseMain::class.java.name,
        baseUrl,
        style,
      )
      .redirectError(ProcessBuilder.Redirect.DISCARD)
      .start()
  var last = ""
  process.inputStream.bufferedReader().forEachLine { last = it }
  check(process.waitFor(90, TimeUnit.SECONDS)) { "the child did not exit within 90 s" }
  val exitedAt = System.currentTimeMillis()
  process.exitValue() shouldBe 0
  return last to exitedAt
}
