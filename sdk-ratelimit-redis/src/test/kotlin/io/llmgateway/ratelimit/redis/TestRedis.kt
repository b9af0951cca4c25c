package io.llmgateway.ratelimit.redis

import io.kotest.core.test.Enabled
import io.kotest.core.test.TestCase
import java.time.Duration
import java.util.UUID

/**
 * The Redis the tests use: `$LLMGW_REDIS_URL` if set, else a `redis-server` they start (from the
 * PATH, else embedded-redis's binary). Tests that need one are skipped with a reason when none can
 * be had, except when `CI=true`: then they run and fail, so CI never passes without having
 * exercised Redis.
 */
object TestRedis {
  private val ci = System.getenv("CI") == "true"
  private val external: String? = System.getenv("LLMGW_REDIS_URL")?.takeIf { it.isNotBlank() }

  private val started: Result<RedisProcess> by lazy { runCatching { RedisProcess.start() } }

  /** The shared server's URL; throws (failing the test) when there is none. */
  val url: String
    get() =
      external ?: started.getOrElse { throw AssertionError(required("a shared Redis"), it) }.url

  /** For `config(enabledOrReasonIf = TestRedis.shared)`. */
  val shared: (TestCase) -> Enabled = {
    when {
      ci || external != null -> Enabled.enabled
      RedisProcess.binary == null -> Enabled.disabled(skipped("a shared Redis"))
      started.isFailure ->
        Enabled.disabled(skipped("a shared Redis") + " (" + started.exceptionOrNull() + ")")
      else -> Enabled.enabled
    }
  }

  /** For tests that stop and start their own server: they need the binary. */
  val own: (TestCase) -> Enabled = {
    if (ci || RedisProcess.binary != null) Enabled.enabled
    else Enabled.disabled(skipped("a redis-server binary to stop and start"))
  }

  /** A server of the test's own, which it may stop; fails the test when there is no binary. */
  fun startOwn(): RedisProcess =
    try {
      RedisProcess.start()
    } catch (e: IllegalStateException) {
      throw AssertionError(required("a redis-server binary"), e)
    }

  /**
   * A config for the shared server under a fresh key prefix. Its command timeout is generous: specs
   * about sharing must not fall back because a loaded 2-core CI machine ran one command slowly
   * (FallbackSpec tests the timeouts).
   */
  fun config(): RedisRateLimitConfig =
    RedisRateLimitConfig.of(url)
      .toBuilder()
      .keyPrefix(uniquePrefix())
      .commandTimeout(Duration.ofSeconds(2))
      .build()

  /** A key prefix no other test (or test run, on a shared server) uses. */
  fun uniquePrefix(): String = "llmgw-test:${UUID.randomUUID()}:"

  private const val HOW =
    "the embedded-redis binary does not run on this OS/CPU: install redis-server" +
      " (apt-get install -y redis-server) or set LLMGW_REDIS_URL=redis://host:port"

  private fun skipped(what: String) = "Redis test skipped: no $what here; to run it, $HOW"

  private fun required(what: String) =
    "Redis test needs $what and none could be had (with CI=true it fails instead of skipping); $HOW"
}
