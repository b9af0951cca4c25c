package io.llmgateway.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmgateway.ratelimit.RateLimitConfig;
import io.llmgateway.ratelimit.RateLimiter;
import io.llmgateway.ratelimit.Reservation;
import io.llmgateway.testing.FakeClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a Java caller configures and reads the store; Redis is unreachable here on purpose. */
class RedisStoreFromJavaTest {
  @Test
  void configuresTheStoreAndKeepsLimitingWhenRedisIsUnreachable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RedisRateLimitConfig config =
        RedisRateLimitConfig.custom()
            .redisUrl("redis://127.0.0.1:" + closedPort)
            .keyPrefix("orders:llmgw:")
            .commandTimeout(Duration.ofMillis(50))
            .connectTimeout(Duration.ofMillis(200))
            .reprobeInterval(Duration.ofSeconds(10))
            .build();
    FakeClock clock = new FakeClock();

    try (RedisRateLimitStore store = RedisRateLimitStore.connect(config, clock)) {
      RateLimiter limiter = RateLimiter.of(RateLimitConfig.hiveOps(), store, "hiveops:team-a");
      Reservation first = limiter.reserve(100, clock.instant(), null);

      assertTrue(first.isGranted());
      assertTrue(store.degraded());
      assertEquals(1, store.fallbacks());
      assertEquals(0, store.recoveries());
    }
  }
}
