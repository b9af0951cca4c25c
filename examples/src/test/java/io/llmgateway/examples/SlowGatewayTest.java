package io.llmgateway.examples;

// region fake-latency
import static java.time.Duration.ZERO;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import io.llmgateway.testing.FakeGateway;
import io.llmgateway.testing.fault.Fault;
import io.llmgateway.testing.fault.Latency;

// endregion

/** Compiles and starts the README's slow gateway; no call is made, so no time is spent. */
class SlowGatewayTest {
  @org.junit.jupiter.api.Test // fully qualified: the imports above are the README's
  void startsAGatewayWithALatencyAndOneSlowAnswer() {
    // region fake-latency
    try (FakeGateway gateway =
        FakeGateway.builder().latency(Latency.of(ofMillis(300), ofMillis(20))).start()) {
      gateway
          .faults()
          .on("POST", "/chat/completions")
          .next(Fault.pass().withLatency(Latency.of(ofSeconds(12), ZERO))); // the next answer
      // ... your code against gateway.hiveOpsBaseUrl(), key "sk-fake-hive"
    }
    // endregion
  }
}
