package dev.fibered;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The ticker thread of a scheduler built with {@link Preemption#TICKER}: it raises the running
 * fiber's {@link Fiber#sliceOver} flag once that fiber's slice is spent, so that a check reads one
 * volatile flag instead of counting.
 *
 * <p>Each thread that runs slices (the single-threaded scheduler's runner, or each carrier) has a
 * {@link Slot}: the fiber it runs now and that slice's deadline, published at the start of every
 * slice. The ticker sleeps until the earliest deadline among the busy slots (at most one scheduler
 * slice, so that a slice started meanwhile is looked at in time), raises the flag of every fiber
 * past its deadline, and sleeps again. The flag is only a hint: the fiber confirms it with the
 * clock, so a flag raised for a slice that already ended costs one clock read and switches nothing.
 *
 * <p>The thread starts with the first slice that finds none, and exits once no slot has been busy
 * for {@link #LINGER_NANOS}: a run that ends, or a scheduler whose fibers all sleep for long, keeps
 * no thread, while back-to-back runs (a plain {@code join()} in a loop) do not start one each.
 */
final class Ticker {
  /** The shortest sleep: finer slices are not worth a thread that never sleeps. */
  static final long MIN_PERIOD_NANOS = 50_000;

  /** How long the thread stays with no busy slot before it exits. */
  static final long LINGER_NANOS = 100_000_000;

  private static final AtomicInteger NUMBERS = new AtomicInteger();

  /** The slice running on one thread of the scheduler. */
  static final class Slot {
    /** The fiber running a slice here, or null between slices. */
    volatile Fiber<?> running;

    /** Its slice's deadline, in {@link System#nanoTime()} units; written before {@link #running}. */
    volatile long deadline;
  }

  private final Slot[] slots;
  private final long maxSleepNanos;

  /** The ticker thread, or null while there is none. Guarded by this. */
  private Thread thread;

  /**
   * True while there is no thread, or while it waits with no busy slot: a slice that starts must
   * then wake it (or start one). Written before the thread looks at the slots again, and read by
   * {@link #begin} after it publishes its slot, so that one of the two always sees the other.
   */
  private volatile boolean sleeping = true;

  /**
   * @param carriers how many threads run slices: one slot each
   * @param sliceNanos the scheduler's time slice: the longest the thread sleeps while fibers run
   */
  Ticker(int carriers, long sliceNanos) {
    slots = new Slot[carriers];
    for (int i = 0; i < carriers; i++) {
      slots[i] = new Slot();
    }
    maxSleepNanos = Math.max(MIN_PERIOD_NANOS, sliceNanos);
  }

  /** The slot of carrier {@code index} (0 for the single-threaded scheduler). */
  Slot slot(int index) {
    return slots[index];
  }

  /** The ticker thread now, or null if there is none (for tests). */
  synchronized Thread thread() {
    return thread;
  }

  /** A slice of {@code fiber} starts on {@code slot}: publish it, and wake the thread if needed. */
  void begin(Slot slot, Fiber<?> fiber, long deadline) {
    slot.deadline = deadline;
    slot.running = fiber;
    if (sleeping) {
      wake();
    }
  }

  /** The slice on {@code slot} ended. */
  static void end(Slot slot) {
    slot.running = null;
  }

  private synchronized void wake() {
    if (thread == null) {
      sleeping = false;
      thread = new Thread(this::tick, "fibered-ticker-" + NUMBERS.incrementAndGet());
      thread.setDaemon(true);
      thread.start();
    } else {
      LockSupport.unpark(thread);
    }
  }

  /** The ticker thread: raise flags, sleep until the next deadline; exit after lingering idle. */
  private void tick() {
    while (true) {
      long now = System.nanoTime();
      long sleep = maxSleepNanos;
      boolean busy = false;
      for (Slot slot : slots) {
        Fiber<?> fiber = slot.running;
        if (fiber == null) {
          continue;
        }
        busy = true;
        long left = slot.deadline - now;
        if (left > 0) {
          sleep = Math.min(sleep, left);
        } else if (!fiber.sliceOver) {
          fiber.sliceOver = true; // raised once: no write per tick to the running fiber's line
        }
      }
      if (busy) {
        LockSupport.parkNanos(this, Math.max(MIN_PERIOD_NANOS, sleep));
      } else if (lingerOrExit()) {
        return;
      }
    }
  }

  /** No slot is busy: wait for a slice to start; returns true if none did and the thread ends. */
  private boolean lingerOrExit() {
    sleeping = true;
    if (!anyBusy()) { // a slice that started before sleeping was set did not wake this thread
      LockSupport.parkNanos(this, LINGER_NANOS);
    }
    synchronized (this) {
      if (!anyBusy()) {
        thread = null; // sleeping stays true: the next slice starts a new thread
        return true;
      }
      sleeping = false;
      return false;
    }
  }

  private boolean anyBusy() {
    for (Slot slot : slots) {
      if (slot.running != null) {
        return true;
      }
    }
    return false;
  }
}
