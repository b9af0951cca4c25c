package io.llmgateway.ratelimit.redis

import io.llmgateway.pipeline.Sleeper
import io.llmgateway.testing.FakeClock
import java.time.Duration
import java.time.Instant
import java.util.concurrent.TimeUnit
import java.util.concurrent.locks.ReentrantLock
import kotlin.concurrent.withLock

/**
 * Virtual time for several client threads on one [FakeClock]: a sleeping client blocks until the
 * clock reaches its wake time, and the clock moves (to the earliest wake time) only when every
 * client still running is asleep. So no request is in flight when the clock jumps, and a run that
 * would take seconds takes as long as its HTTP calls.
 */
class VirtualTime(private val clock: FakeClock, parties: Int) {
  private val lock = ReentrantLock()
  private val moved = lock.newCondition()
  private val wakes = mutableListOf<Instant>()
  private var running = parties

  val sleeper = Sleeper { sleep(it) }

  private fun sleep(d: Duration) {
    lock.withLock {
      val wake = clock.instant().plus(d)
      if (!wake.isAfter(clock.instant())) return
      wakes += wake
      advanceIfAllAsleep()
      while (clock.instant().isBefore(wake)) {
        check(moved.await(20, TimeUnit.SECONDS)) { "virtual time stuck at ${clock.instant()}" }
      }
    }
  }

  /** A client calls this when it has no more work. */
  fun done() = lock.withLock {
    running--
    advanceIfAllAsleep()
  }

  private fun advanceIfAllAsleep() {
    if (wakes.isEmpty() || wakes.size < running) return
    val next = wakes.min()
    clock.set(next)
    wakes.removeAll { !it.isAfter(next) } // they are awake from now on
    moved.signalAll()
  }
}
