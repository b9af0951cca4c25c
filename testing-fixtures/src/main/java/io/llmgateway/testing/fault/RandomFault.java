package io.llmgateway.testing.fault;

import java.util.Random;
import okhttp3.mockwebserver.MockResponse;

/**
 * A fault that strikes each request with a fixed probability, drawn from a seeded {@link Random}:
 * the n-th request it sees always gets the n-th draw, so a seed replays the same run.
 */
final class RandomFault implements Fault {
  private final double probability;
  private final Random random;
  private final Fault fault;

  RandomFault(double probability, long seed, Fault fault) {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
    this.probability = probability;
    this.random = new Random(seed);
    this.fault = fault;
  }

  @Override
  public MockResponse respond(FaultContext context) {
    return strikes() ? fault.respond(context) : context.realResponse();
  }

  /**
   * One draw per request under a lock: {@code nextDouble()} advances the generator twice, and two
   * threads interleaving those steps would get values no sequential run produces.
   */
  private synchronized boolean strikes() {
    return random.nextDouble() < probability;
  }
}
