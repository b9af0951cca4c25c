package io.llmgateway.testing.fault;

import io.llmgateway.testing.state.ReceivedRequest;
import java.time.Instant;
import java.util.function.Supplier;
import okhttp3.mockwebserver.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * What a fault sees: the request, the clock, which dialect the path speaks, and (lazily) the
 * response the real personality would give. Asking for that response runs the personality, with all
 * its state changes, exactly as if no fault were scripted.
 */
public final class FaultContext {
  /**
   * The error dialect of a path: SaaS {@code {"detail":...}} or HiveOps {@code {"error":{...}}}.
   */
  public enum Dialect {
    SAAS,
    HIVEOPS
  }

  private final ReceivedRequest request;
  private final Supplier<MockResponse> real;
  private final Instant now;
  private @Nullable MockResponse answered;
  private @Nullable Latency latency;

  public FaultContext(ReceivedRequest request, Supplier<MockResponse> real, Instant now) {
    this.request = request;
    this.real = real;
    this.now = now;
  }

  public ReceivedRequest request() {
    return request;
  }

  /** The personality's own answer; runs it on first use (only once), so state changes happen. */
  public synchronized MockResponse realResponse() {
    if (answered == null) {
      answered = real.get();
    }
    return answered;
  }

  public Instant now() {
    return now;
  }

  /** The real-clock latency a fault chose for this answer, replacing the personality's. */
  public @Nullable Latency latency() {
    return latency;
  }

  void latency(Latency chosen) {
    this.latency = chosen;
  }

  public Dialect dialect() {
    String path = request.path();
    return path.startsWith("/api/") || path.equals("/health") ? Dialect.SAAS : Dialect.HIVEOPS;
  }
}
