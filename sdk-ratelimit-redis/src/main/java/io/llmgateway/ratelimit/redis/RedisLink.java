package io.llmgateway.ratelimit.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One Lettuce client and, while Redis answers, one connection, with the store's two scripts. A
 * caller waits at most the connect timeout for connection set-up (TCP, TLS, Redis handshake, first
 * PING) and the command timeout for each command ({@link TimeoutOptions} and our own wait).
 * Lettuce's own reconnect is off and commands fail at once while disconnected: the store decides
 * when to reconnect, and no command waits in a queue for a dead server.
 */
final class RedisLink implements AutoCloseable {
  private static final String APPLY = script("apply.lua");
  private static final String COMPARE_AND_SET = script("compare-and-set.lua");
  // How much longer than the connect timeout a set-up may go on in the background.
  private static final int BACKGROUND_SET_UP_FACTOR = 3;

  private final RedisClient client;
  private final RedisURI uri;
  private final Duration connectTimeout;
  private final Duration commandTimeout;
  private final String ttlMillis;
  private final AtomicLong commands = new AtomicLong();
  private final AtomicLong slowestNanos = new AtomicLong();
  private volatile @Nullable StatefulRedisConnection<String, String> connection;
  // A connection set-up that outlived its connect timeout and may still complete.
  private volatile @Nullable CompletableFuture<StatefulRedisConnection<String, String>> pending;
  private volatile @Nullable String applySha;
  private volatile @Nullable String casSha;

  RedisLink(RedisRateLimitConfig config) {
    this.connectTimeout = config.connectTimeout();
    this.commandTimeout = config.commandTimeout();
    this.ttlMillis = Long.toString(config.keyTtl().toMillis());
    this.uri = RedisURI.create(config.redisUrl());
    // Lettuce times the TCP connect with the socket option and the handshake (HELLO, AUTH, SELECT)
    // with the URI's timeout, never with the command timeout. We wait the connect timeout for the
    // whole set-up ourselves; Lettuce's own timers are longer, so that a set-up we stopped waiting
    // for can still complete in the background and be adopted by the next probe (see open()).
    Duration background = connectTimeout.multipliedBy(BACKGROUND_SET_UP_FACTOR);
    uri.setTimeout(background);
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(
                SocketOptions.builder().connectTimeout(background).keepAlive(true).build())
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .build());
  }

  /**
   * Opens a connection (closing a dead one) and checks it with a PING, within the connect timeout
   * (the PING gets at least one command timeout). Blocks. A set-up that runs out of time goes on in
   * the background, and the next call waits for it rather than starting over: on a cold, starved
   * host set-up can take longer than any timeout a user would choose, and each new attempt would
   * start from scratch.
   *
   * @throws TimeoutException when set-up took longer than the connect timeout
   * @throws RuntimeException when Redis refused or failed the connection
   */
  void open() throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + connectTimeout.toNanos();
    CompletableFuture<StatefulRedisConnection<String, String>> opening = pending;
    if (opening == null) {
      StatefulRedisConnection<String, String> old = connection;
      if (old != null) {
        connection = null;
        old.closeAsync();
      }
      opening = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
      pending = opening;
    }
    StatefulRedisConnection<String, String> c;
    try {
      c = opening.get(connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      pending = null;
      throw unwrap(e);
    }
    pending = null;
    try {
      commands.incrementAndGet();
      long left = Math.max(commandTimeout.toNanos(), deadline - System.nanoTime());
      await(c.async().ping(), left);
    } catch (TimeoutException | InterruptedException | RuntimeException e) {
      c.closeAsync();
      throw e;
    }
    connection = c;
  }

  boolean isOpen() {
    StatefulRedisConnection<String, String> c = connection;
    return c != null && c.isOpen();
  }

  /** One PING on the open connection. */
  void ping() throws TimeoutException, InterruptedException {
    commands.incrementAndGet();
    await(commands().ping(), commandTimeout.toNanos());
  }

  /** The raw value under {@code key}, or null. */
  @Nullable String get(String key) throws TimeoutException, InterruptedException {
    commands.incrementAndGet();
    return await(commands().get(key), commandTimeout.toNanos());
  }

  void delete(String key) throws TimeoutException, InterruptedException {
    commands.incrementAndGet();
    await(commands().del(key), commandTimeout.toNanos());
  }

  /** Runs {@code apply.lua}: returns whether the change applied and the state's text after it. */
  List<Object> apply(String key, String kind, long[] arguments)
      throws TimeoutException, InterruptedException {
    String[] argv = new String[2 + arguments.length];
    argv[0] = kind;
    argv[1] = ttlMillis;
    for (int i = 0; i < arguments.length; i++) {
      argv[2 + i] = Long.toString(arguments[i]);
    }
    return evaluate(APPLY, true, key, argv);
  }

  /** Runs {@code compare-and-set.lua} ({@code expected} "" for absent). */
  boolean compareAndSet(String key, String expected, String next)
      throws TimeoutException, InterruptedException {
    Long done = evaluate(COMPARE_AND_SET, false, key, expected, next, ttlMillis);
    return done != null && done == 1L;
  }

  /** The longest a command that was answered in time took, as this process waited for it. */
  Duration slowestCommand() {
    return Duration.ofNanos(slowestNanos.get());
  }

  /** Round trips to Redis so far (commands sent, set-up included). */
  long commandsSent() {
    return commands.get();
  }

  private <T> T evaluate(String script, boolean multi, String key, String... argv)
      throws TimeoutException, InterruptedException {
    RedisAsyncCommands<String, String> redis = commands();
    ScriptOutputType type = multi ? ScriptOutputType.MULTI : ScriptOutputType.INTEGER;
    String sha = script == APPLY ? applySha : casSha;
    if (sha == null) {
      sha = redis.digest(script); // computed locally, no round trip
      if (script == APPLY) {
        applySha = sha;
      } else {
        casSha = sha;
      }
    }
    String[] keys = {key};
    commands.incrementAndGet();
    try {
      return await(redis.evalsha(sha, type, keys, argv), commandTimeout.toNanos());
    } catch (RedisNoScriptException e) {
      // A server that restarted (or flushed its scripts): send the text once, it caches it.
      commands.incrementAndGet();
      return await(redis.eval(script, type, keys, argv), commandTimeout.toNanos());
    }
  }

  private RedisAsyncCommands<String, String> commands() {
    StatefulRedisConnection<String, String> c = connection;
    if (c == null) {
      throw new io.lettuce.core.RedisConnectionException("not connected to Redis");
    }
    return c.async();
  }

  private <T> T await(RedisFuture<T> future, long nanos)
      throws TimeoutException, InterruptedException {
    long start = System.nanoTime();
    try {
      T answer = future.get(nanos, TimeUnit.NANOSECONDS);
      slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
      return answer;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RedisCommandTimeoutException) {
        throw new TimeoutException("Redis command timed out");
      }
      throw unwrap(e);
    } catch (TimeoutException | InterruptedException e) {
      future.cancel(false);
      throw e;
    }
  }

  private static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    return cause instanceof RuntimeException
        ? (RuntimeException) cause
        : new io.lettuce.core.RedisException(cause);
  }

  private static String script(String name) {
    try (InputStream in = RedisLink.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + name);
      }
      // Not InputStream.readAllBytes(): Android has it only from API 33.
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) != -1; ) {
        bytes.write(buffer, 0, n);
      }
      return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the connection (the client closes all of its own) and the client's threads. */
  @Override
  public void close() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
