package io.llmgateway.testing.fault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's fault script. Rules are tried in the order they were added; the first matching rule
 * that still has a fault answers. For example:
 *
 * <pre>{@code
 * gateway.faults()
 *     .on("POST", "/chat/completions")
 *     .next(Fault.rateLimited().withRetryAfterSeconds(1))
 *     .next(Fault.rateLimited())
 *     .thenPass();
 * gateway.faults().on("POST", "/api/jobs/*\/llm-call-stream").next(Fault.disconnectAfterEvents(3));
 * }</pre>
 */
public final class FaultScript {
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

  /** A new rule for {@code method} ({@code "*"} for any) and a path glob. */
  public FaultRule on(String method, String pathPattern) {
    FaultRule rule = new FaultRule(this, method, pathPattern);
    rules.add(rule);
    return rule;
  }

  /** A new rule for any method. */
  public FaultRule onAny(String pathPattern) {
    return on("*", pathPattern);
  }

  /** Removes every rule. */
  public void reset() {
    rules.clear();
  }

  /** The fault for this request, if any rule has one; consumes it. */
  public @Nullable Fault take(String method, String path) {
    for (FaultRule rule : rules) {
      if (rule.matches(method, path)) {
        Fault fault = rule.take();
        if (fault != null) {
          return fault;
        }
      }
    }
    return null;
  }
}
