package io.llmgateway.testing.fault;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The faults for one method and path pattern, consumed one per matching request in the order given.
 * When the sequence runs out, matching requests pass to the real personality (or meet the {@link
 * #always} fault). Thread-safe.
 */
public final class FaultRule {
  private final FaultScript script;
  private final String method;
  private final PathGlob path;
  private final Deque<Fault> steps = new ArrayDeque<>();
  private @Nullable Fault always;
  private int hits;

  FaultRule(FaultScript script, String method, String pathPattern) {
    this.script = script;
    this.method = method.toUpperCase(Locale.ROOT);
    this.path = new PathGlob(pathPattern);
  }

  /** The next matching request gets {@code fault}. */
  public synchronized FaultRule next(Fault fault) {
    steps.addLast(fault);
    return this;
  }

  /** The next {@code n} matching requests get {@code fault}. */
  public synchronized FaultRule times(int n, Fault fault) {
    for (int i = 0; i < n; i++) {
      steps.addLast(fault);
    }
    return this;
  }

  /** The next {@code n} matching requests reach the real personality untouched. */
  public FaultRule pass(int n) {
    return times(n, Fault.pass());
  }

  /** Ends the sequence: later requests pass. Returns the script, to chain another rule. */
  public FaultScript thenPass() {
    return script;
  }

  /** After the sequence, every matching request gets {@code fault}, until the script is reset. */
  public synchronized FaultScript thenAlways(Fault fault) {
    this.always = fault;
    return script;
  }

  /** How many requests this rule has answered so far. */
  public synchronized int hits() {
    return hits;
  }

  /** How many scripted steps are still waiting. */
  public synchronized int remaining() {
    return steps.size();
  }

  synchronized boolean matches(String requestMethod, String requestPath) {
    return (method.equals("*") || method.equals(requestMethod)) && path.matches(requestPath);
  }

  /** Takes the next fault if this rule has one left. */
  synchronized @Nullable Fault take() {
    Fault fault = steps.pollFirst();
    if (fault == null) {
      fault = always;
    }
    if (fault != null) {
      hits++;
    }
    return fault;
  }

  @Override
  public synchronized String toString() {
    return method + " " + path + " (" + steps.size() + " left)";
  }
}
