package io.llmgateway.ratelimit.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One Lettuce client and, while Redis answers, one connection with Bucket4j's compare-and-swap on
 * it. Lettuce's own reconnect is off and commands fail at once while disconnected: the store
 * decides when to reconnect (on its injected clock), and no command waits in a queue for a dead
 * server.
 */
final class RedisLink implements AutoCloseable {
  private final RedisClient client;
  private final RedisRateLimitConfig config;
  private final ReentrantLock connecting = new ReentrantLock();
  private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
  private volatile @Nullable CasOperations operations;

  RedisLink(RedisRateLimitConfig config) {
    this.config = config;
    RedisURI uri = RedisURI.create(config.redisUrl());
    uri.setTimeout(config.commandTimeout());
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(config.connectTimeout()).build())
            .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
            .build());
  }

  /**
   * The compare-and-swap operations on an open connection, connecting first if there is none (this
   * blocks up to the connect timeout). Call from one thread at a time when reconnecting.
   *
   * @throws RuntimeException when Redis cannot be reached
   */
  CasOperations operations() {
    CasOperations ops = operations;
    StatefulRedisConnection<String, byte[]> c = connection;
    if (ops != null && c != null && c.isOpen()) {
      return ops;
    }
    return reconnect();
  }

  private CasOperations reconnect() {
    // One thread connects; the others do not queue behind it (each would wait a connect timeout).
    if (!connecting.tryLock()) {
      throw new RedisConnectionException("another thread is connecting to Redis");
    }
    try {
      StatefulRedisConnection<String, byte[]> old = connection;
      CasOperations current = operations;
      if (old != null && old.isOpen() && current != null) {
        return current;
      }
      if (old != null) {
        old.closeAsync();
      }
      StatefulRedisConnection<String, byte[]> c =
          client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      CasOperations ops = CasOperations.on(c, config.commandTimeout(), config.keyTtl());
      connection = c;
      operations = ops;
      return ops;
    } finally {
      connecting.unlock();
    }
  }

  /** Closes the connection (the client closes all of its own) and the client's threads. */
  @Override
  public void close() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
