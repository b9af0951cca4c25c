package io.llmgateway.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * Cancels blocking OkHttp calls that outlive their attempt's timeout: OkHttp's call timeout,
 * without its cost per call. OkHttp's timeout (okio's {@code AsyncTimeout}) signals its watchdog
 * thread whenever a call starts with the earliest deadline, which for calls made one after another
 * is every call: a futex wake-up and a context switch each time (measured: about 2 extra futex
 * calls and 8 us of CPU per call on a 2-core machine). Here one daemon thread sleeps until the
 * earliest deadline it knows of and is woken only when a new deadline comes before that; calls with
 * the same timeout, one after another, wake it about once per timeout period. A call that ran out
 * of time fails with {@code InterruptedIOException("timeout")}, as OkHttp's own call timeout does
 * ({@link Deadline#explain}). Thread-safe.
 */
public final class CallDeadlines {
  private static final CallDeadlines SHARED = new CallDeadlines("llmgw-call-deadlines");
  private static final long IDLE_SECONDS = 60;
  // Far enough to mean "never", near enough that nanoTime arithmetic cannot overflow.
  private static final Duration LONGEST = Duration.ofDays(365L * 50);

  private final String threadName;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition earlier = lock.newCondition();
  // Guarded by lock: the calls in flight (unordered, doubly linked after this sentinel), and when
  // the watchdog looks next (valid while scheduled).
  private final Deadline pending = new Deadline(this, null, 0);
  private long wakeAt;
  private boolean scheduled;
  private boolean started;

  CallDeadlines(String threadName) {
    this.threadName = threadName;
  }

  /** The deadlines every client of this process shares (one thread, started on first use). */
  public static CallDeadlines shared() {
    return SHARED;
  }

  /**
   * Cancels {@code call} if it is still running {@code timeout} from now. Close the returned
   * deadline when the call and the reading of its body are over.
   */
  public Deadline start(Call call, Duration timeout) {
    long nanos =
        timeout.compareTo(LONGEST) > 0 ? LONGEST.toNanos() : Math.max(0, timeout.toNanos());
    Deadline d = new Deadline(this, call, System.nanoTime() + nanos);
    lock.lock();
    try {
      d.next = pending.next;
      d.prev = pending;
      if (pending.next != null) {
        pending.next.prev = d;
      }
      pending.next = d;
      if (!started) {
        started = true;
        Thread t = new Thread(this::watch, threadName);
        t.setDaemon(true);
        t.start();
      }
      if (!scheduled || d.at - wakeAt < 0) {
        earlier.signal(); // only when the watchdog would otherwise wake too late
      }
    } finally {
      lock.unlock();
    }
    return d;
  }

  private void remove(Deadline d) {
    lock.lock();
    try {
      unlink(d);
    } finally {
      lock.unlock();
    }
    // No signal: the watchdog finds out at its next look, which is never too early to matter.
  }

  // Guarded by lock.
  private static void unlink(Deadline d) {
    Deadline prev = d.prev;
    if (prev != null) {
      prev.next = d.next;
      if (d.next != null) {
        d.next.prev = prev;
      }
      d.prev = null;
      d.next = null;
    }
  }

  private void watch() {
    List<Deadline> due = new ArrayList<>();
    while (true) {
      lock.lock();
      try {
        long now = System.nanoTime();
        long earliest = 0;
        boolean any = false;
        for (Deadline d = pending.next; d != null; ) {
          Deadline next = d.next;
          if (d.at - now <= 0) {
            unlink(d);
            due.add(d);
          } else if (!any || d.at - earliest < 0) {
            earliest = d.at;
            any = true;
          }
          d = next;
        }
        if (due.isEmpty()) {
          scheduled = any;
          wakeAt = earliest;
          if (any) {
            earlier.awaitNanos(earliest - now);
          } else if (!earlier.await(IDLE_SECONDS, TimeUnit.SECONDS) && pending.next == null) {
            started = false; // idle for a minute: the thread ends, the next call starts another
            return;
          }
        }
      } catch (InterruptedException e) {
        started = false; // nobody should interrupt this thread; if someone does, the next call
        return; // starts another
      } finally {
        lock.unlock();
      }
      for (Deadline d : due) {
        d.expire(); // outside the lock: cancel() closes a socket
      }
      due.clear();
    }
  }

  /** One call's deadline. */
  public static final class Deadline implements AutoCloseable {
    private final CallDeadlines owner;
    private final @Nullable Call call;
    private final long at;
    private volatile boolean expired;
    private @Nullable Deadline prev;
    private @Nullable Deadline next;

    private Deadline(CallDeadlines owner, @Nullable Call call, long at) {
      this.owner = owner;
      this.call = call;
      this.at = at;
    }

    private void expire() {
      expired = true;
      if (call != null) {
        call.cancel();
      }
    }

    /** Whether the deadline passed and the call was cancelled. */
    public boolean expired() {
      return expired;
    }

    /**
     * {@code failure} as OkHttp reports a call that ran out of its call timeout ({@code
     * InterruptedIOException("timeout")}, caused by {@code failure}) when this deadline passed;
     * otherwise {@code failure} itself.
     */
    public IOException explain(IOException failure) {
      if (!expired) {
        return failure;
      }
      InterruptedIOException timeout = new InterruptedIOException("timeout");
      timeout.initCause(failure);
      return timeout;
    }

    @Override
    public void close() {
      owner.remove(this);
    }
  }
}
