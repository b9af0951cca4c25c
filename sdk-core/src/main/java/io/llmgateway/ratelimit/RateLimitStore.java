package io.llmgateway.ratelimit;

import org.jspecify.annotations.Nullable;

/**
 * Where a {@link RateLimiter} keeps its counters: one {@link RateLimitState} per key, changed only
 * by compare-and-set so that a store shared by many app instances (Redis, say) can stand in for the
 * in-memory one without touching the policy. Implementations must be thread-safe.
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

  /** A fresh store that lives in this process. */
  static RateLimitStore inMemory() {
    return new InMemoryRateLimitStore();
  }
}
