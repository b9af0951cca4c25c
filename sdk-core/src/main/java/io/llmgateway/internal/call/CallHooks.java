package io.llmgateway.internal.call;

import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A client's own steps around a call: a guard that may refuse it before anything is sent (an empty
 * balance), and the mapping of its final error (a diagnosis attached, a cache updated). Either may
 * be absent. Immutable.
 */
public final class CallHooks {
  /** No guard, errors as they are. */
  public static final CallHooks NONE = new CallHooks(null, null);

  private final @Nullable Runnable guard;
  private final @Nullable UnaryOperator<RuntimeException> afterFailure;

  private CallHooks(
      @Nullable Runnable guard, @Nullable UnaryOperator<RuntimeException> afterFailure) {
    this.guard = guard;
    this.afterFailure = afterFailure;
  }

  /**
   * {@code guard} runs when the call starts and refuses it by throwing; {@code afterFailure} maps
   * the final error and may block (an enqueued call runs it off OkHttp's threads).
   */
  public static CallHooks of(
      @Nullable Runnable guard, @Nullable UnaryOperator<RuntimeException> afterFailure) {
    return new CallHooks(guard, afterFailure);
  }

  void guard() {
    if (guard != null) {
      guard.run();
    }
  }

  @Nullable UnaryOperator<RuntimeException> afterFailure() {
    return afterFailure;
  }
}
