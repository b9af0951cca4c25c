package io.llmgateway.coroutines

import io.llmgateway.metrics.AttemptFinished
import io.llmgateway.metrics.AttemptStarted
import io.llmgateway.metrics.CallEvent
import io.llmgateway.metrics.CallListener
import java.time.Clock
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset
import java.util.Collections
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.onCompletion
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.yield

/** The test scheduler's virtual time as a [Clock] (from the epoch, so rate windows align). */
fun TestScope.virtualClock(start: Instant = Instant.EPOCH): Clock =
  object : Clock() {
    override fun instant(): Instant = start.plusMillis(testScheduler.currentTime)

    override fun getZone(): ZoneId = ZoneOffset.UTC

    override fun withZone(zone: ZoneId): Clock = this
  }

/**
 * Virtual time for calls over real HTTP. `runTest` jumps to the next timer whenever its thread is
 * idle, and waiting for a real socket looks idle: an attempt's own timeout, or a stream's idle
 * timer, would fire at once. This listener keeps the scheduler busy (a coroutine that yields) while
 * an attempt is on the wire, and while a stream read through [read] delivers its body, so virtual
 * time stands still there and only jumps through the waits between attempts. It also records the
 * virtual time each attempt started at.
 */
class VirtualWire(private val scope: TestScope) : CallListener {
  private val onWire = MutableStateFlow(0)
  val attemptsAt: MutableList<Long> = Collections.synchronizedList(mutableListOf())

  init {
    scope.backgroundScope.launch {
      while (true) {
        onWire.first { it > 0 }
        while (onWire.value > 0) yield()
      }
    }
  }

  override fun onEvent(event: CallEvent) {
    when (event) {
      is AttemptStarted -> {
        attemptsAt += scope.currentTime
        onWire.update { it + 1 }
      }
      is AttemptFinished -> onWire.update { it - 1 }
      else -> {}
    }
  }

  /** [flow], holding virtual time still from its first element (its attempt's end) to its end. */
  fun <T> read(flow: Flow<T>): Flow<T> {
    var reading = false
    return flow
      .onEach {
        if (!reading) {
          reading = true
          onWire.update { it + 1 }
        }
      }
      .onCompletion { if (reading) onWire.update { it - 1 } }
  }
}
