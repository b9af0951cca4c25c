package io.llmgateway.ratelimit.redis;

import io.llmgateway.ratelimit.RateLimitState;
import io.llmgateway.ratelimit.RateLimitStore;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RateLimitStore} in Redis: limiters in many processes that use the same Redis, key prefix
 * and key share one request window and one token window, so a fleet as a whole stays under a
 * gateway's limit. Updates are compare-and-set on Redis (Bucket4j's Lettuce compare-and-swap).
 *
 * <pre>{@code
 * RedisRateLimitStore store = RedisRateLimitStore.connect(RedisRateLimitConfig.of("redis://cache:6379"));
 * RateLimiter limiter = RateLimiter.of(RateLimitConfig.hiveOps(), store, "hiveops:team-a");
 * }</pre>
 *
 * <p>When Redis is slow or down no call waits longer than the command timeout, and none fails for
 * that reason: the store logs a warning, counts a {@linkplain #fallbacks() fallback} and keeps
 * limiting in this process (starting from the last state it read from Redis) until a probe on the
 * injected clock finds Redis again. Thread-safe; share one store per process and close it at exit.
 */
public final class RedisRateLimitStore implements RateLimitStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitStore.class);

  private final RedisRateLimitConfig config;
  private final RedisLink link;
  private final FallbackGate gate;
  private final ConcurrentMap<String, RateLimitState> lastKnown = new ConcurrentHashMap<>();
  private volatile RateLimitStore local = RateLimitStore.inMemory();

  private RedisRateLimitStore(RedisRateLimitConfig config, Clock clock) {
    this.config = config;
    this.link = new RedisLink(config);
    this.gate =
        new FallbackGate(clock, config.reprobeInterval(), () -> local = RateLimitStore.inMemory());
  }

  /** A store on {@code config}'s Redis, with re-probes timed by the system clock. */
  public static RedisRateLimitStore connect(RedisRateLimitConfig config) {
    return connect(config, Clock.systemUTC());
  }

  /**
   * A store on {@code config}'s Redis whose re-probes are timed by {@code clock}. Blocks up to the
   * connect timeout plus one command timeout; never throws for an unreachable Redis: the store then
   * starts {@linkplain #degraded() degraded}.
   */
  public static RedisRateLimitStore connect(RedisRateLimitConfig config, Clock clock) {
    RedisRateLimitStore store =
        new RedisRateLimitStore(
            Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    try {
      // One read also loads the command path, so that the first real call is not the slow one.
      store.link.operations().read(config.keyPrefix());
    } catch (RuntimeException e) {
      store.gate.failed(FallbackGate.Route.REDIS, e);
    }
    return store;
  }

  @Override
  public @Nullable RateLimitState get(String key) {
    FallbackGate.Route route = gate.route();
    if (route != FallbackGate.Route.LOCAL) {
      try {
        String redisKey = config.keyPrefix() + key;
        CasOperations ops = link.operations();
        byte[] raw = ops.read(redisKey);
        RateLimitState state = raw == null ? null : StateCodec.decode(raw);
        if (raw != null && state == null) {
          LOG.warn(
              "Unreadable rate-limit state in Redis under prefix {}: deleting it",
              config.keyPrefix());
          ops.delete(redisKey);
        }
        gate.succeeded(route);
        remember(key, state);
        return state;
      } catch (RuntimeException e) {
        failed(route, e);
      }
    }
    return localStore(key).get(key);
  }

  @Override
  public boolean compareAndSet(String key, @Nullable RateLimitState expected, RateLimitState next) {
    FallbackGate.Route route = gate.route();
    if (route != FallbackGate.Route.LOCAL) {
      try {
        boolean swapped =
            link.operations()
                .swap(
                    config.keyPrefix() + key,
                    expected == null ? null : StateCodec.encode(expected),
                    StateCodec.encode(next));
        gate.succeeded(route);
        if (swapped) {
          remember(key, next);
        }
        return swapped;
      } catch (RuntimeException e) {
        failed(route, e);
      }
    }
    return localStore(key).compareAndSet(key, expected, next);
  }

  private void failed(FallbackGate.Route route, RuntimeException e) {
    if (Thread.currentThread().isInterrupted()) {
      // Our caller was interrupted, Redis did nothing wrong: serve this one locally.
      gate.abandoned(route);
      return;
    }
    gate.failed(route, e);
  }

  private void remember(String key, @Nullable RateLimitState state) {
    if (state == null) {
      lastKnown.remove(key);
    } else {
      lastKnown.put(key, state);
    }
  }

  /** The local store of this degradation, seeded with the last state Redis had for the key. */
  private RateLimitStore localStore(String key) {
    RateLimitStore store = local;
    RateLimitState seed = lastKnown.get(key);
    if (seed != null && store.get(key) == null) {
      store.compareAndSet(key, null, seed);
    }
    return store;
  }

  /** True while Redis is unavailable and this process limits on its own. */
  public boolean degraded() {
    return gate.degraded();
  }

  /** How many times the store has fallen back from Redis to local limiting. */
  public long fallbacks() {
    return gate.fallbacks();
  }

  /** How many times Redis came back after a fallback. */
  public long recoveries() {
    return gate.recoveries();
  }

  /** Redis commands (and connection attempts) that failed or timed out. */
  public long redisFailures() {
    return gate.failures();
  }

  public RedisRateLimitConfig config() {
    return config;
  }

  /** Closes the connection and the client's threads. Blocks up to two seconds. */
  @Override
  public void close() {
    link.close();
  }

  @Override
  public String toString() {
    return "RedisRateLimitStore{" + config + (degraded() ? ", degraded" : "") + "}";
  }
}
