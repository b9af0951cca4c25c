package io.llmgateway.coroutines

import io.llmgateway.pipeline.Sleeper
import io.llmgateway.testing.FakeClock
import java.time.Duration
import java.util.Collections

/**
 * Waits in virtual time: records each wait and moves [clock] by it. Injected into a client, it
 * shows the exact schedule of the one retry loop that every call style shares.
 */
class VirtualClockSleeper(val clock: FakeClock = FakeClock()) : Sleeper {
  val waits: MutableList<Duration> = Collections.synchronizedList(mutableListOf())

  override fun sleep(duration: Duration) {
    waits += duration
    clock.advance(duration)
  }
}
