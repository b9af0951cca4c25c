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

  /** One step under the map's lock for the key: no retry, however many threads contend. */
  @Override
  public RateLimitChange.Result apply(String key, RateLimitChange change) {
    RateLimitChange.Result[] out = new RateLimitChange.Result[1];
    states.compute(
        key,
        (k, current) -> {
          RateLimitChange.Result r = change.applyTo(current);
          out[0] = r;
          return r.changed() ? r.state() : current;
        });
    return out[0];
  }
}
