package io.llmgateway.ratelimit.redis

import java.io.File
import java.net.ServerSocket
import java.nio.file.Files
import java.util.concurrent.TimeUnit

/**
 * A `redis-server` child process on loopback, no persistence, for tests: the one on the PATH, or
 * the binary embedded-redis ships (so the tests run on any fresh machine). We start it ourselves
 * rather than through embedded-redis's `RedisServer` because the tests stop, kill, pause (SIGSTOP)
 * and restart it on the same port. Stopped by [stop] or at JVM exit; its pid is also written to
 * `$LLMGW_REDIS_PIDDIR` (if set) so that `.ci/run` can stop it.
 */
class RedisProcess private constructor(private val binary: String, val port: Int) {
  @Volatile private var process: Process? = null
  @Volatile private var dir: File? = null
  private val hook = Thread { stop() }

  val url: String
    get() = "redis://127.0.0.1:$port"

  /** Starts (or starts again, on the same port) and waits until it answers PING. */
  fun start(): RedisProcess {
    check(process?.isAlive != true) { "already running" }
    val dir = Files.createTempDirectory("llmgw-redis").toFile()
    this.dir = dir
    val p =
      ProcessBuilder(
          binary,
          "--port",
          "$port",
          "--bind",
          "127.0.0.1",
          "--save",
          "",
          "--appendonly",
          "no",
          "--dir",
          dir.absolutePath,
        )
        .redirectErrorStream(true)
        .redirectOutput(File(dir, "redis.log"))
        .start()
    process = p
    System.getenv("LLMGW_REDIS_PIDDIR")?.let { File(it, "${p.pid()}.pid").writeText("${p.pid()}") }
    val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
    while (true) {
      val ready = runCatching {
        RedisAdmin.on(url) { it.command("PING") } == "PONG"
      }
        .getOrDefault(false)
      if (ready) return this
      if (!p.isAlive || System.nanoTime() > deadline) {
        val log = runCatching { File(dir, "redis.log").readText() }.getOrDefault("")
        stop()
        error("redis-server did not start on port $port: $log")
      }
      Thread.sleep(20)
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL after two seconds). */
  fun stop() {
    val p = process ?: return
    process = null
    p.destroy()
    if (!p.waitFor(2, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(2, TimeUnit.SECONDS)
    }
    System.getenv("LLMGW_REDIS_PIDDIR")?.let { File(it, "${p.pid()}.pid").delete() }
    dir?.deleteRecursively()
  }

  /** The server's process id, while it runs. */
  val pid: Long
    get() = process?.pid() ?: error("not running")

  /** Hangs the server (SIGSTOP): connections stay open, nothing is answered. */
  fun pause() = signal("STOP")

  /** Lets a paused server go on (SIGCONT). */
  fun resume() = signal("CONT")

  /** Kills the server at once (SIGKILL): connections are reset. */
  fun kill() {
    val p = process ?: return
    p.destroyForcibly().waitFor(2, TimeUnit.SECONDS)
    process = null
    System.getenv("LLMGW_REDIS_PIDDIR")?.let { File(it, "${p.pid()}.pid").delete() }
    dir?.deleteRecursively()
  }

  private fun signal(name: String) {
    val done = ProcessBuilder("kill", "-$name", "$pid").inheritIO().start().waitFor()
    check(done == 0) { "kill -$name $pid failed" }
  }

  companion object {
    /**
     * `redis-server` on the PATH, else the one embedded-redis ships for this OS and CPU (Redis
     * 6.2), else null.
     */
    val binary: String? by lazy {
      System.getenv("PATH")
        ?.split(File.pathSeparator)
        ?.map { File(it, "redis-server") }
        ?.firstOrNull { it.canExecute() }
        ?.absolutePath ?: embedded()
    }

    private fun embedded(): String? = runCatching {
      redis.embedded.core.ExecutableProvider.newJarResourceProvider().get().absolutePath
    }
      .getOrNull()

    fun freePort(): Int = ServerSocket(0).use { it.localPort }

    /** A started server on a free port, stopped at JVM exit at the latest. */
    fun start(): RedisProcess {
      val b = binary ?: error("no redis-server on the PATH")
      val r = RedisProcess(b, freePort())
      Runtime.getRuntime().addShutdownHook(r.hook)
      return r.start()
    }
  }
}
