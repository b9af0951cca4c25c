package io.llmgateway.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bytes allocated by the client side of a run: {@code getThreadAllocatedBytes} summed over every
 * live thread except the server's. Server threads are the ones a {@code Dispatcher} reported with
 * {@link #excludeCurrentThread()}, plus any thread named {@code MockWebServer...} (its acceptor)
 * found by {@link #excludeServerThreadsByName()}. A thread that ends between two readings loses
 * what it allocated in between (OkHttp keeps its threads for 60 s idle, so this is rare). The
 * meter's own allocation between readings is measured by {@link #calibrate()} and subtracted.
 * Thread-safe for exclusion; reading is for one thread at a time.
 */
public final class AllocationMeter {
  private final com.sun.management.ThreadMXBean threads;
  private final Set<Long> excluded = ConcurrentHashMap.newKeySet();
  private long overhead;

  private AllocationMeter(com.sun.management.ThreadMXBean threads) {
    this.threads = threads;
  }

  /** A meter, or null when this JVM cannot count allocated bytes per thread. */
  public static @org.jspecify.annotations.Nullable AllocationMeter create() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t)) {
      return null;
    }
    if (!t.isThreadAllocatedMemorySupported()) {
      return null;
    }
    t.setThreadAllocatedMemoryEnabled(true);
    AllocationMeter meter = new AllocationMeter(t);
    meter.calibrate();
    return meter;
  }

  /** Marks the calling thread as the server's: its allocation is never counted. */
  public void excludeCurrentThread() {
    excluded.add(Thread.currentThread().getId());
  }

  /** Excludes every live thread whose name starts with {@code MockWebServer}. */
  public void excludeServerThreadsByName() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("MockWebServer")) {
        excluded.add(t.getId());
      }
    }
  }

  /** A reading to pass to {@link #since}. */
  public Reading read() {
    long[] ids = threads.getAllThreadIds();
    Arrays.sort(ids);
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    return new Reading(ids, bytes);
  }

  /** Client-side bytes allocated since {@code before}, net of the meter's own allocation. */
  public long since(Reading before) {
    Reading after = read();
    long total = 0;
    for (int i = 0; i < after.ids.length; i++) {
      long id = after.ids[i];
      long now = after.bytes[i];
      if (now < 0 || excluded.contains(id)) {
        continue;
      }
      int j = Arrays.binarySearch(before.ids, id);
      long then = j >= 0 && before.bytes[j] >= 0 ? before.bytes[j] : 0;
      total += now - then;
    }
    return total - overhead;
  }

  /** The meter's own allocation between two readings with nothing in between (median of many). */
  public long overhead() {
    return overhead;
  }

  private void calibrate() {
    overhead = 0;
    long[] samples = new long[2_001];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = since(read());
    }
    Arrays.sort(samples);
    overhead = Math.max(0, samples[samples.length / 2]);
  }

  /** Allocated bytes per thread at one moment. */
  public static final class Reading {
    private final long[] ids;
    private final long[] bytes;

    private Reading(long[] ids, long[] bytes) {
      this.ids = ids;
      this.bytes = bytes;
    }
  }
}
