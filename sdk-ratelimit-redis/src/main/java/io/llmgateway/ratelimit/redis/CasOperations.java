package io.llmgateway.ratelimit.redis;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Bucket4j's Lettuce proxy manager, used for its compare-and-swap of a byte value under a key with
 * a time to live (the primitive it builds its distributed buckets on), not for its buckets: our
 * state is the core throttle's fixed windows. Every command waits at most the command timeout.
 */
final class CasOperations extends LettuceBasedProxyManager<String> {
  private final Optional<Long> timeoutNanos;

  private CasOperations(
      Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> builder, Duration t) {
    super(builder);
    this.timeoutNanos = Optional.of(t.toNanos());
  }

  static CasOperations on(
      StatefulRedisConnection<String, byte[]> connection, Duration timeout, Duration ttl) {
    Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> builder =
        Bucket4jLettuce.casBasedBuilder(connection)
            .requestTimeout(timeout)
            .expirationAfterWrite(ExpirationAfterWriteStrategy.fixedTimeToLive(ttl));
    return new CasOperations(builder, timeout);
  }

  /** The bytes under {@code key}, or null when absent. */
  byte @Nullable [] read(String key) {
    return beginCompareAndSwapOperation(key).getStateData(timeoutNanos).orElse(null);
  }

  /**
   * Writes {@code next} if {@code key} still holds {@code expected} (null: if absent), and (re)sets
   * the key's time to live.
   */
  boolean swap(String key, byte @Nullable [] expected, byte[] next) {
    // The fixed time-to-live strategy ignores the bucket state, which we do not have.
    return beginCompareAndSwapOperation(key).compareAndSwap(expected, next, null, timeoutNanos);
  }

  /** Deletes {@code key} (a value this store cannot read). */
  void delete(String key) {
    removeProxy(key);
  }
}
