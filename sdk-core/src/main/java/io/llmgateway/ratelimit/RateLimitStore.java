package io.llmgateway.ratelimit;

import org.jspecify.annotations.Nullable;

/**
 * Where a {@link RateLimiter} keeps its counters: one {@link RateLimitState} per key, so that a
 * store shared by many app instances (Redis, say) can stand in for the in-memory one without
 * touching the policy. Implementations must be thread-safe.
 *
 * <p>The limiter changes state only through {@link #apply}: a store that can run a {@link
 * RateLimitChange} atomically where the state lives (one script on a server) should, since it then
 * costs one round trip however many instances contend. The default runs {@link #get} and {@link
 * #compareAndSet} in a loop.
 */
public interface RateLimitStore {
  /** The state under {@code key}, or null when there is none yet. */
  @Nullable RateLimitState get(String key);

  /**
   * Sets {@code key} to {@code next} if it still holds {@code expected} (null: if absent).
   *
   * @return whether the update happened
   */
  boolean compareAndSet(String key, @Nullable RateLimitState expected, RateLimitState next);

  /**
   * Applies {@code change} to the state under {@code key} atomically, writing only when the state
   * changes, and returns what it did. Must give exactly {@link RateLimitChange#applyTo}'s result.
   */
  default RateLimitChange.Result apply(String key, RateLimitChange change) {
    while (true) {
      RateLimitState current = get(key);
      RateLimitChange.Result result = change.applyTo(current);
      if (!result.changed() || compareAndSet(key, current, result.state())) {
        return result;
      }
    }
  }

  /** A fresh store that lives in this process. */
  static RateLimitStore inMemory() {
    return new InMemoryRateLimitStore();
  }
}
