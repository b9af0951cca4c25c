package io.llmgateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/** The default {@link RateLimitStore}: a concurrent map in this process. */
final class InMemoryRateLimitStore implements RateLimitStore {
  private final ConcurrentMap<String, RateLimitState> states = new ConcurrentHashMap<>();

  @Override
  public @Nullable RateLimitState get(String key) {
    return states.get(key);
  }

  @Override
  public boolean compareAndSet(String key, @Nullable RateLimitState expected, RateLimitState next) {
    if (expected == null) {
      return states.putIfAbsent(key, next) == null;
    }
    return states.replace(key, expected, next);
  }
}
