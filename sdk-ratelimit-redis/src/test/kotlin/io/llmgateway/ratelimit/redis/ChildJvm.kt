package io.llmgateway.ratelimit.redis

import java.io.BufferedWriter
import java.io.File
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/**
 * Child JVMs on this test's classpath: the fake gateway and the app instances of the fleet test.
 * Each child's stdout lines go to a queue; its stderr to a file printed when something goes wrong.
 */
class ChildJvm(mainClass: String, args: List<String>, jvmOptions: List<String> = CHILD_JVM) :
  AutoCloseable {
  private val lines = LinkedBlockingQueue<String>()
  private val errors: File = File.createTempFile("llmgw-fleet-child", ".err")
  private val process: Process =
    ProcessBuilder(
        listOf(javaBinary(), "-cp", System.getProperty("java.class.path")) +
          jvmOptions +
          mainClass +
          args
      )
      .redirectError(errors)
      .start()
  private val input: BufferedWriter = process.outputStream.bufferedWriter()

  private val reader = Thread {
    process.inputStream.bufferedReader().useLines { seq -> seq.forEach { lines.put(it) } }
  }
    .apply {
      isDaemon = true
      start()
    }

  /**
   * The next stdout line that starts with [prefix] (others are skipped), within [seconds]; fails at
   * once when the child's stdout has ended without it.
   */
  fun awaitLine(prefix: String, seconds: Long): String {
    val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
    while (true) {
      val line = lines.poll(100, TimeUnit.MILLISECONDS)
      if (line != null) {
        if (line.startsWith(prefix)) return line
        continue
      }
      if (!reader.isAlive || System.nanoTime() > deadline) {
        throw AssertionError(
          "no '$prefix' line from the child within $seconds s; alive=${process.isAlive}; " +
            "stderr: ${errors.readText().takeLast(3000)}"
        )
      }
    }
  }

  fun send(line: String) {
    input.write(line)
    input.newLine()
    input.flush()
  }

  override fun close() {
    runCatching { input.close() }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS)
    }
    errors.delete()
  }

  companion object {
    /**
     * Small heaps and the serial collector keep a dozen JVMs within a 2-core CI machine; the SDK
     * itself runs on its defaults.
     */
    val CHILD_JVM =
      listOf("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1") +
        // for measuring other settings by hand, e.g. "-Dfleet.commandTimeoutMs=100"; unset in CI
        (System.getenv("LLMGW_FLEET_CHILD_OPTS")?.split(' ')?.filter { it.isNotBlank() }
          ?: emptyList())

    private fun javaBinary(): String =
      File(System.getProperty("java.home"), "bin/java").absolutePath

    /** `key=value` fields of a child's report line. */
    fun fields(line: String): Map<String, String> =
      line.split(' ').drop(1).associate { it.substringBefore('=') to it.substringAfter('=') }
  }
}
