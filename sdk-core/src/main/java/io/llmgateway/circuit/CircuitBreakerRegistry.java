package io.llmgateway.circuit;

import io.llmgateway.error.Provider;
import io.llmgateway.pipeline.Endpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * One {@link CircuitBreaker} per (provider, endpoint), created on first use. Thread-safe; share it
 * between the clients that talk to the same gateway.
 */
public final class CircuitBreakerRegistry {
  private final CircuitBreakerConfig defaultConfig;
  private final Map<Endpoint, CircuitBreakerConfig> byEndpoint;
  private final ConcurrentMap<Key, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final List<CircuitStateListener> listeners = new CopyOnWriteArrayList<>();
  private final CircuitStateListener fanOut =
      (breaker, from, to) -> {
        for (CircuitStateListener l : listeners) {
          l.onStateChange(breaker, from, to);
        }
      };

  private CircuitBreakerRegistry(Builder b) {
    this.defaultConfig = b.defaultConfig;
    this.byEndpoint = Map.copyOf(b.byEndpoint);
  }

  /** Every breaker with {@link CircuitBreakerConfig#ofDefaults()}. */
  public static CircuitBreakerRegistry ofDefaults() {
    return of(CircuitBreakerConfig.ofDefaults());
  }

  /** Every breaker with {@code config}. */
  public static CircuitBreakerRegistry of(CircuitBreakerConfig config) {
    return builder().defaultConfig(config).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The breaker for {@code provider} and {@code endpoint}, created on first use. */
  public CircuitBreaker breaker(Provider provider, Endpoint endpoint) {
    Key key = new Key(provider, endpoint);
    CircuitBreaker b = breakers.get(key); // no capturing lambda on the hot path
    return b != null
        ? b
        : breakers.computeIfAbsent(
            key, k -> new CircuitBreaker(provider, endpoint, configFor(endpoint), fanOut));
  }

  public CircuitBreakerConfig configFor(Endpoint endpoint) {
    CircuitBreakerConfig c = byEndpoint.get(endpoint);
    return c != null ? c : defaultConfig;
  }

  /** Adds a listener for the state changes of every breaker in this registry. */
  public void addListener(CircuitStateListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(CircuitStateListener listener) {
    listeners.remove(listener);
  }

  /** The breakers created so far. */
  public List<CircuitBreaker> breakers() {
    return List.copyOf(breakers.values());
  }

  /** Builds a registry with a default config and optional per-endpoint configs. */
  public static final class Builder {
    private CircuitBreakerConfig defaultConfig = CircuitBreakerConfig.ofDefaults();
    private final Map<Endpoint, CircuitBreakerConfig> byEndpoint = new HashMap<>();

    private Builder() {}

    public Builder defaultConfig(CircuitBreakerConfig config) {
      this.defaultConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    public Builder config(Endpoint endpoint, CircuitBreakerConfig config) {
      byEndpoint.put(
          Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(config, "config"));
      return this;
    }

    public CircuitBreakerRegistry build() {
      return new CircuitBreakerRegistry(this);
    }
  }

  private static final class Key {
    private final Provider provider;
    private final Endpoint endpoint;

    Key(Provider provider, Endpoint endpoint) {
      this.provider = Objects.requireNonNull(provider, "provider");
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Key
          && ((Key) o).provider == provider
          && ((Key) o).endpoint.equals(endpoint);
    }

    @Override
    public int hashCode() {
      return provider.hashCode() * 31 + endpoint.hashCode();
    }
  }
}
