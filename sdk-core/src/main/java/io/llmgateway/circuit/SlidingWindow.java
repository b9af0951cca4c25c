package io.llmgateway.circuit;

/** The last N call outcomes in a ring buffer. Not thread-safe: the breaker holds the lock. */
final class SlidingWindow {
  private final boolean[] failures;
  private int next;
  private int size;
  private int failed;

  SlidingWindow(int capacity) {
    this.failures = new boolean[capacity];
  }

  void add(boolean failure) {
    if (size == failures.length) {
      if (failures[next]) {
        failed--;
      }
    } else {
      size++;
    }
    failures[next] = failure;
    if (failure) {
      failed++;
    }
    next = (next + 1) % failures.length;
  }

  int size() {
    return size;
  }

  float failureRate() {
    return size == 0 ? 0 : 100f * failed / size;
  }

  void clear() {
    java.util.Arrays.fill(failures, false);
    next = 0;
    size = 0;
    failed = 0;
  }
}
