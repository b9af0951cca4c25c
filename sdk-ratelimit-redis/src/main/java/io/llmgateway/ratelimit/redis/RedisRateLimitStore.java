package io.llmgateway.ratelimit.redis;

import io.llmgateway.ratelimit.RateLimitChange;
import io.llmgateway.ratelimit.RateLimitState;
import io.llmgateway.ratelimit.RateLimitStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RateLimitStore} in Redis: limiters in many processes that use the same Redis, key prefix
 * and key share one request window and one token window, so a fleet as a whole stays under a
 * gateway's limit. Each change is one Lua script on Redis (one round trip, however many instances
 * contend).
 *
 * <pre>{@code
 * RedisRateLimitStore store = RedisRateLimitStore.connect(RedisRateLimitConfig.of("redis://cache:6379"));
 * HiveOpsClient client = HiveOpsClient.builder().rateLimitStore(store, "hiveops:team-a").build();
 * }</pre>
 *
 * <p>When Redis is slow or down no call waits longer than the command timeout, and none fails for
 * that reason: a slow command is served locally, and after a run of them, or at once on a real
 * failure, the store logs a warning, counts a {@linkplain #fallbacks() fallback} and limits in this
 * process (from the last state it saw) until a background probe finds Redis again and folds the
 * local windows back in. Thread-safe; share one store per process and close it at exit.
 */
public final class RedisRateLimitStore implements RateLimitStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitStore.class);

  private final RedisRateLimitConfig config;
  private final Clock clock;
  private final RedisLink link;
  private final FallbackGate gate;
  // The last state seen per key: Redis's answer when healthy, this process's own while degraded.
  private final ConcurrentMap<String, RateLimitState> known = new ConcurrentHashMap<>();
  // Per key changed locally while degraded: the last change, whose window and limits the merge
  // uses.
  private final ConcurrentMap<String, RateLimitChange> changedLocally = new ConcurrentHashMap<>();
  // Runs the probes, one at a time; also looks often (real time) whether one is due, so that a
  // fleet rejoins even while no call happens (all threads waiting for a window).
  private final ScheduledExecutorService prober =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "llmgw-redis-probe");
            t.setDaemon(true);
            return t;
          });

  private RedisRateLimitStore(RedisRateLimitConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.link = new RedisLink(config);
    this.gate =
        new FallbackGate(
            clock,
            config.reprobeInterval(),
            config.timeoutsBeforeFallback(),
            changedLocally::clear);
    // A quarter of the interval, so that a due probe starts within that much of its time.
    long every = Math.max(50, config.reprobeInterval().toMillis() / 4);
    prober.scheduleWithFixedDelay(this::probeIfDue, every, every, TimeUnit.MILLISECONDS);
  }

  /** A store on {@code config}'s Redis, with re-probes timed by the system clock. */
  public static RedisRateLimitStore connect(RedisRateLimitConfig config) {
    return connect(config, Clock.systemUTC());
  }

  /**
   * A store on {@code config}'s Redis whose re-probes are timed by {@code clock}. Blocks until the
   * connection is set up, at most the connect timeout once the Redis client has started (starting
   * it loads and starts Netty and Lettuce: about a second in a cold JVM, more on a busy host).
   * Never throws for an unreachable Redis: the store then starts {@linkplain #degraded() degraded}
   * and probes again in the background.
   */
  public static RedisRateLimitStore connect(RedisRateLimitConfig config, Clock clock) {
    RedisRateLimitStore store =
        new RedisRateLimitStore(
            Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    try {
      store.link.open();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      store.gate.failed(new IllegalStateException("interrupted while connecting"));
    } catch (TimeoutException e) {
      store.gate.failed(new IllegalStateException("connection set-up exceeded connectTimeout"));
    } catch (RuntimeException e) {
      store.gate.failed(e);
    }
    return store;
  }

  @Override
  public RateLimitChange.Result apply(String key, RateLimitChange change) {
    if (gate.useRedis()) {
      try {
        List<Object> reply = link.apply(redisKey(key), change.kind().name(), change.arguments());
        RateLimitState state = StateCodec.decode((String) reply.get(1));
        if (state != null) {
          gate.succeeded();
          known.put(key, state);
          return new RateLimitChange.Result(((Long) reply.get(0)) == 1L, state, false);
        }
        gate.failed(new IllegalStateException("unreadable reply from the rate-limit script"));
      } catch (TimeoutException e) {
        gate.timedOut();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the caller's, not Redis's fault: serve locally
      } catch (RuntimeException e) {
        gate.failed(e);
      }
    } else {
      probeIfDue();
    }
    return applyLocally(key, change);
  }

  /** The change applied to the last state this process saw (its own, while degraded). */
  private RateLimitChange.Result applyLocally(String key, RateLimitChange change) {
    RateLimitChange.Result[] out = new RateLimitChange.Result[1];
    known.compute(
        key,
        (k, current) -> {
          out[0] = change.applyTo(current);
          return out[0].changed() ? out[0].state() : current;
        });
    if (gate.degraded()) {
      changedLocally.put(key, change);
    }
    return out[0];
  }

  private void probeIfDue() {
    if (gate.claimProbe()) {
      try {
        prober.execute(this::probe);
      } catch (RejectedExecutionException e) {
        gate.probeFailed("store closed");
      }
    }
  }

  /** Reconnects if needed, pings, folds the local windows into Redis, then ends the fallback. */
  private void probe() {
    try {
      if (!link.isOpen()) {
        link.open();
      } else {
        link.ping();
      }
      mergeLocalWindows();
      gate.recovered();
      mergeLocalWindows(); // what calls changed locally while the first pass ran
    } catch (TimeoutException e) {
      gate.probeFailed("timed out");
    } catch (InterruptedException e) {
      gate.probeFailed("interrupted");
    } catch (RuntimeException e) {
      gate.probeFailed(FallbackGate.describe(e));
    }
  }

  private void mergeLocalWindows() throws TimeoutException, InterruptedException {
    for (Map.Entry<String, RateLimitChange> e : changedLocally.entrySet()) {
      RateLimitState local = known.get(e.getKey());
      if (local != null) {
        RateLimitChange merge = e.getValue().merging(local, clock.instant());
        List<Object> reply =
            link.apply(redisKey(e.getKey()), merge.kind().name(), merge.arguments());
        RateLimitState merged = StateCodec.decode((String) reply.get(1));
        if (merged != null) {
          known.put(e.getKey(), merged);
        }
      }
      changedLocally.remove(e.getKey(), e.getValue());
    }
  }

  @Override
  public @Nullable RateLimitState get(String key) {
    if (gate.useRedis()) {
      try {
        String raw = link.get(redisKey(key));
        RateLimitState state = StateCodec.decode(raw);
        if (raw != null && state == null) {
          LOG.warn(
              "Unreadable rate-limit state in Redis under prefix {}: deleting it",
              config.keyPrefix());
          link.delete(redisKey(key));
        }
        gate.succeeded();
        if (state == null) {
          known.remove(key);
        } else {
          known.put(key, state);
        }
        return state;
      } catch (TimeoutException e) {
        gate.timedOut();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        gate.failed(e);
      }
    } else {
      probeIfDue();
    }
    return known.get(key);
  }

  @Override
  public boolean compareAndSet(String key, @Nullable RateLimitState expected, RateLimitState next) {
    if (gate.useRedis()) {
      try {
        boolean swapped =
            link.compareAndSet(
                redisKey(key),
                expected == null ? "" : StateCodec.encode(expected),
                StateCodec.encode(next));
        gate.succeeded();
        if (swapped) {
          known.put(key, next);
        }
        return swapped;
      } catch (TimeoutException e) {
        gate.timedOut();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        gate.failed(e);
      }
    } else {
      probeIfDue();
    }
    return expected == null
        ? known.putIfAbsent(key, next) == null
        : known.replace(key, expected, next);
  }

  private String redisKey(String key) {
    return config.keyPrefix() + key;
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

  /** Redis commands (and connection attempts) that failed outright. */
  public long redisFailures() {
    return gate.failures();
  }

  /** Redis commands that took longer than the command timeout (each served locally). */
  public long redisTimeouts() {
    return gate.timeouts();
  }

  /** Round trips to Redis so far: every command sent, connection set-up and probes included. */
  public long redisCommands() {
    return link.commandsSent();
  }

  /**
   * The longest round trip of a command answered within the command timeout, as this process
   * measured it (its own pauses included): how close the command timeout is to being hit.
   */
  public java.time.Duration slowestCommand() {
    return link.slowestCommand();
  }

  public RedisRateLimitConfig config() {
    return config;
  }

  /** Closes the connection and the client's threads. Blocks up to two seconds. */
  @Override
  public void close() {
    prober.shutdownNow();
    link.close();
  }

  @Override
  public String toString() {
    return "RedisRateLimitStore{" + config + (degraded() ? ", degraded" : "") + "}";
  }
}
