package dev.fibered;

/**
 * How the compiled-in checks of a scheduler's fibers learn that a time slice is spent: the
 * compile-time counterpart of greenlet_fiber's {@code setpreemptive}. Chosen with {@link
 * Scheduler.Builder#preemption}; the generated code is the same for both.
 */
public enum Preemption {
  /**
   * Each check decrements a counter in the running fiber and reads the clock only when the counter
   * runs out (at most every 4,096 checks, fewer when checks are far apart). Needs no thread of its
   * own, honours any slice down to 1 ns, and is the only mode of a {@linkplain
   * Scheduler.Builder#deterministic deterministic} scheduler. The default.
   */
  COUNTING,

  /**
   * A ticker thread of the scheduler (a daemon named {@code fibered-ticker-N}) raises a flag in the
   * running fiber once its slice is spent, and each check only reads that flag: cheaper per check
   * than {@link #COUNTING}, at the price of one more thread while fibers run. The thread is
   * started by the first slice and ends once no fiber has run for about 100 ms (at the latest
   * that long after {@link Scheduler#run()} returns), so an idle or discarded scheduler keeps no
   * thread. A slice ends between 0 and about 0.1 ms late (the ticker's wake-up latency), and
   * slices shorter than 50 µs last about 50 µs. Not available with {@linkplain
   * Scheduler.Builder#deterministic deterministic} scheduling, whose time is virtual.
   */
  TICKER
}
