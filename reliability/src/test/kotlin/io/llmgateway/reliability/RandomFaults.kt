package io.llmgateway.reliability

import io.llmgateway.testing.fault.Fault
import java.util.Random

/**
 * A fault that picks, per request, one of [faults] with its probability, or lets the request pass:
 * a seeded mix, so a run's proportions are known (the order across threads is not).
 */
class RandomFaults(seed: Long, private val faults: List<Pair<Double, Fault>>) : Fault {
  private val random = Random(seed)

  init {
    require(faults.sumOf { it.first } < 1.0) { "probabilities must leave room to pass" }
  }

  override fun respond(context: io.llmgateway.testing.fault.FaultContext) = pick().respond(context)

  private fun pick(): Fault {
    var roll = synchronized(random) { random.nextDouble() }
    for ((probability, fault) in faults) {
      if (roll < probability) return fault
      roll -= probability
    }
    return Fault.pass()
  }
}
