package io.llmgateway.ratelimit.redis

import io.kotest.core.test.Enabled
import io.kotest.core.test.TestCase
import java.util.UUID

/**
 * The Redis the tests use: `$LLMGW_REDIS_URL` if set, else a `redis-server` they start. Tests that
 * need one are skipped with a reason when none can be had, except when `CI=true`: then they run and
 * fail, so CI never passes without having exercised Redis.
 */
object TestRedis {
  private val ci = System.getenv("CI") == "true"
  private val external: String? = System.getenv("LLMGW_REDIS_URL")?.takeIf { it.isNotBlank() }

  private val started: Result<RedisProcess> by lazy { runCatching { RedisProcess.start() } }

  /** The shared server's URL; throws (failing the test) when there is none. */
  val url: String
    get() = external ?: started.getOrElse { throw AssertionError(missing("shared Redis"), it) }.url

  /** For `config(enabledOrReasonIf = TestRedis.shared)`. */
  val shared: (TestCase) -> Enabled = {
    when {
      ci || external != null -> Enabled.enabled
      RedisProcess.binary == null -> Enabled.disabled(missing("shared Redis"))
      started.isFailure ->
        Enabled.disabled(missing("shared Redis") + ": " + started.exceptionOrNull())
      else -> Enabled.enabled
    }
  }

  /** For tests that stop and start their own server: they need the binary. */
  val own: (TestCase) -> Enabled = {
    if (ci || RedisProcess.binary != null) Enabled.enabled
    else Enabled.disabled(missing("a redis-server binary to stop and start"))
  }

  /** A server of the test's own, which it may stop; fails the test when there is no binary. */
  fun startOwn(): RedisProcess =
    try {
      RedisProcess.start()
    } catch (e: IllegalStateException) {
      throw AssertionError(missing("a redis-server binary"), e)
    }

  /** A key prefix no other test (or test run, on a shared server) uses. */
  fun uniquePrefix(): String = "llmgw-test:${UUID.randomUUID()}:"

  private fun missing(what: String) =
    "SKIPPED: no $what (install redis-server, e.g. apt-get install -y redis-server, or set" +
      " LLMGW_REDIS_URL=redis://host:port); with CI=true this is a failure"
}
