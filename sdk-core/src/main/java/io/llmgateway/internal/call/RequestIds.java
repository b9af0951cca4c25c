package io.llmgateway.internal.call;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The default client request ids: UUID-shaped (version 4 layout), unique within the process and
 * random-looking across processes, without a {@link SecureRandom} draw per call. The high half is
 * drawn once per process; the low half is a counter (from a random start) passed through a
 * bijective mix, so no two ids of one process are equal. Thread-safe.
 */
final class RequestIds implements Supplier<String> {
  static final RequestIds INSTANCE = new RequestIds(new SecureRandom());

  private static final long LOW_62 = (1L << 62) - 1;

  private final long high;
  private final AtomicLong counter;

  RequestIds(SecureRandom seed) {
    this.high = (seed.nextLong() & ~0xF000L) | 0x4000L; // version 4
    this.counter = new AtomicLong(seed.nextLong());
  }

  @Override
  public String get() {
    return new UUID(high, 0x8000_0000_0000_0000L | mix(counter.getAndIncrement())).toString();
  }

  // A bijection on 62 bits (odd multipliers and an xor-shift, all modulo 2^62): distinct counters
  // give distinct ids.
  static long mix(long n) {
    long x = (n * 0x9E37_79B9_7F4A_7C15L) & LOW_62;
    x ^= x >>> 31;
    return (x * 0xBF58_476D_1CE4_E5B9L) & LOW_62;
  }
}
