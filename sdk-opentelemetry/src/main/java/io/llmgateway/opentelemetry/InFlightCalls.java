package io.llmgateway.opentelemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The calls whose spans are open, by request id, bounded twice so that calls whose events stop (a
 * stream nobody closes, an event lost to a crash) cannot hold memory: at most {@code maxCalls}
 * entries, and none older than {@code maxAge}. Insertion order is start order, so both checks look
 * at the oldest entries only. What falls out is handed back for the listener to end. Thread-safe:
 * one short lock, no I/O under it.
 */
final class InFlightCalls {
  private final int maxCalls;
  private final Duration maxAge;
  private final LinkedHashMap<String, CallSpans> calls = new LinkedHashMap<>();

  InFlightCalls(int maxCalls, Duration maxAge) {
    this.maxCalls = maxCalls;
    this.maxAge = maxAge;
  }

  /** Tracks {@code spans}; returns the calls let go to make room or because they expired. */
  List<CallSpans> start(String requestId, CallSpans spans) {
    List<CallSpans> dropped = new ArrayList<>();
    synchronized (calls) {
      CallSpans replaced = calls.put(requestId, spans);
      if (replaced != null) {
        dropped.add(replaced); // a request id used twice: the older call's events are lost
      }
      Instant oldest = spans.tracked.minus(maxAge);
      Iterator<Map.Entry<String, CallSpans>> it = calls.entrySet().iterator();
      while (it.hasNext()) {
        CallSpans eldest = it.next().getValue();
        if (calls.size() <= maxCalls && !eldest.tracked.isBefore(oldest)) {
          break;
        }
        if (eldest != spans) {
          it.remove();
          dropped.add(eldest);
        }
      }
    }
    return dropped;
  }

  @Nullable CallSpans get(String requestId) {
    synchronized (calls) {
      return calls.get(requestId);
    }
  }

  @Nullable CallSpans remove(String requestId) {
    synchronized (calls) {
      return calls.remove(requestId);
    }
  }

  /** Runs {@code action} on a snapshot of the calls in flight (outside the lock). */
  void forEach(Consumer<CallSpans> action) {
    List<CallSpans> snapshot;
    synchronized (calls) {
      snapshot = new ArrayList<>(calls.values());
    }
    snapshot.forEach(action);
  }

  int size() {
    synchronized (calls) {
      return calls.size();
    }
  }
}
