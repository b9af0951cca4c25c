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
 * Cancels OkHttp calls that outlive their time, and blocking calls whose thread was interrupted.
 * The SDK's own timeouts (an attempt's, a stream's idle and total limits) end calls here, never
 * OkHttp's read, write or call timeouts, which the SDK's clients turn off.
 *
 * <p>Why not OkHttp's call timeout: okio's {@code AsyncTimeout} signals its watchdog thread
 * whenever a call starts with the earliest deadline, which for calls made one after another is
 * every call: a futex wake-up and a context switch each time (measured: about 2 extra futex calls
 * and 8 us of CPU per call on a 2-core machine). It also cannot be moved while a stream flows (an
 * idle limit is re-armed at every chunk) and knows nothing of thread interrupts, which a socket
 * read ignores. Here one daemon thread sleeps until the earliest deadline it knows of and is woken
 * only when a new deadline comes before that. While a blocking call is registered with its thread,
 * it also looks every {@value #INTERRUPT_POLL_MS} ms whether that thread was interrupted, and
 * cancels the call if so. Thread-safe.
 */
public final class CallDeadlines {
  /** How often a blocked thread's interrupt flag is looked at while its call runs. */
  static final long INTERRUPT_POLL_MS = 20;

  private static final CallDeadlines SHARED = new CallDeadlines("llmgw-call-deadlines");
  private static final long IDLE_SECONDS = 60;
  // Far enough to mean "never", near enough that nanoTime arithmetic cannot overflow.
  private static final Duration LONGEST = Duration.ofDays(365L * 50);

  private final String threadName;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition earlier = lock.newCondition();
  // Guarded by lock: the calls in flight (unordered, doubly linked after this sentinel), and when
  // the watchdog looks next (valid while scheduled).
  private final Deadline pending = new Deadline(this, null, null, 0, null);
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
    return start(call, timeout, null, null);
  }

  /**
   * As {@link #start(Call, Duration)}, and also cancels {@code call} soon after {@code thread} (the
   * thread blocked in it) is interrupted. {@code reason} names the limit, read back with {@link
   * Deadline#expiredReason()}.
   */
  public Deadline start(
      Call call, Duration timeout, @Nullable Thread thread, @Nullable Object reason) {
    Deadline d = new Deadline(this, call, thread, System.nanoTime() + nanos(timeout), reason);
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
      wakeIfLate(d.at, thread != null);
    } finally {
      lock.unlock();
    }
    return d;
  }

  private static long nanos(Duration timeout) {
    return timeout.compareTo(LONGEST) > 0 ? LONGEST.toNanos() : Math.max(0, timeout.toNanos());
  }

  // Guarded by lock. Signals only when the watchdog would otherwise wake too late.
  private void wakeIfLate(long at, boolean watchesThread) {
    long needed = watchesThread ? Math.min(at, System.nanoTime() + pollNanos()) : at;
    if (!scheduled || needed - wakeAt < 0) {
      earlier.signal();
    }
  }

  private static long pollNanos() {
    return TimeUnit.MILLISECONDS.toNanos(INTERRUPT_POLL_MS);
  }

  private void moved(Deadline d) {
    lock.lock();
    try {
      if (d.prev != null) {
        wakeIfLate(d.at, d.thread != null);
      }
    } finally {
      lock.unlock();
    }
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
          boolean interrupted = d.thread != null && d.thread.isInterrupted();
          if (interrupted || d.at - now <= 0) {
            unlink(d);
            d.dueBecauseInterrupted = interrupted;
            due.add(d);
          } else {
            long look = d.thread != null ? Math.min(d.at, now + pollNanos()) : d.at;
            if (!any || look - earliest < 0) {
              earliest = look;
              any = true;
            }
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
        d.fire(); // outside the lock: cancel() closes a socket
      }
      due.clear();
    }
  }

  /** One call's deadline. */
  public static final class Deadline implements AutoCloseable {
    private final CallDeadlines owner;
    private final @Nullable Call call;
    private final @Nullable Thread thread;
    private volatile long at;
    private volatile @Nullable Object reason;
    private volatile boolean expired;
    private volatile boolean interrupted;
    private volatile @Nullable Object expiredReason;
    // Guarded by the owner's lock.
    private boolean dueBecauseInterrupted;
    private @Nullable Deadline prev;
    private @Nullable Deadline next;

    private Deadline(
        CallDeadlines owner,
        @Nullable Call call,
        @Nullable Thread thread,
        long at,
        @Nullable Object reason) {
      this.owner = owner;
      this.call = call;
      this.thread = thread;
      this.at = at;
      this.reason = reason;
    }

    private void fire() {
      if (dueBecauseInterrupted) {
        interrupted = true;
      } else {
        expiredReason = reason;
        expired = true;
      }
      if (call != null) {
        call.cancel();
      }
    }

    /**
     * Moves the deadline to {@code timeout} from now, naming it {@code reason} (a stream's idle
     * limit is moved at every chunk). Cheap: a later deadline wakes nobody.
     */
    public void rearm(Duration timeout, @Nullable Object reason) {
      this.reason = reason;
      long previous = at;
      at = System.nanoTime() + nanos(timeout);
      if (at - previous < 0) {
        owner.moved(this);
      }
    }

    /** Whether the deadline passed and the call was cancelled. */
    public boolean expired() {
      return expired;
    }

    /** The reason given for the deadline that passed, or null. */
    public @Nullable Object expiredReason() {
      return expiredReason;
    }

    /** Whether the watched thread was interrupted and the call cancelled for it. */
    public boolean interrupted() {
      return interrupted;
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
