package io.llmgateway.jobs

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.llmgateway.pipeline.Sleeper
import io.llmgateway.ratelimit.RateLimitStore
import io.llmgateway.testing.SaasMode
import java.time.Duration
import java.util.Collections

/** `rateLimitStore(store, key)`: what one job client learns from headers holds for the other. */
class SharedWindowSpec :
  FunSpec({
    test("client A spends the team's 60 a minute; client B on the same store waits, no 429") {
      fake(SaasMode.DOCUMENTED).use { gateway -> // the mode with the guide's RPM and headers
        val clock = gateway.fakeClock()
        val waits: MutableList<Duration> = Collections.synchronizedList(mutableListOf())
        val sleeper = Sleeper {
          waits += it
          clock.advance(it)
        }
        val store = RateLimitStore.inMemory()
        fun client() =
          gateway.client(sleeper = sleeper) {
            clock(clock)
            rateLimitStore(store, "saas:acme")
          }
        val a = client()
        val b = client()
        val job = a.createJob(JobSpec.of("shared")).jobId()
        repeat(59) { a.llmCall(job, question()) } // with the create, the window's 60
        b.llmCall(job, question())
        waits shouldHaveSize 1 // B waited for the reset A's answers announced
        gateway.requests().size shouldBe 61 // and was not refused first (a 429 would be retried)
      }
    }
  })
