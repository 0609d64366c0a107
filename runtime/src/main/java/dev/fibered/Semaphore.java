package dev.fibered;

/**
 * Permits that fibers take and give back, to bound how many of them do something at once: {@link
 * #acquire()} suspends the calling fiber while no permit is free. Fair: permits go to waiting
 * fibers in the order they asked, and a new {@code acquire} does not overtake them.
 *
 * <p>In {@code @Fibered} code {@code acquire} is a switch point. Called from plain code it takes a
 * free permit or throws {@link IllegalStateException}; {@link #tryAcquire()} never waits.
 *
 * <p>Thread-safety: on a single-threaded scheduler, a semaphore serves its fibers, on its thread,
 * or plain code while it is idle. On a multi-threaded one ({@link Scheduler.Builder#threads}) it is
 * thread-safe: fibers on any carrier, and plain code on any thread, may use it at once.
 */
public final class Semaphore {
  private final WaitQueue waiting = new WaitQueue();
  private int permits;

  /**
   * Creates a semaphore.
   *
   * @param permits the permits free at first, zero or more
   * @throws IllegalArgumentException if {@code permits} is negative
   */
  public Semaphore(int permits) {
    if (permits < 0) {
      throw new IllegalArgumentException("permits must be zero or more, was " + permits);
    }
    this.permits = permits;
  }

  /**
   * Takes a permit, waiting until one is free. A switch point in {@code @Fibered} code.
   *
   * @throws IllegalStateException if called from plain code while no permit is free
   */
  @Fibered
  public void acquire() {
    if (!tryAcquire()) {
      throw new IllegalStateException(
          "acquire on " + this + " would wait: call it from @Fibered code, or use tryAcquire");
    }
  }

  /**
   * Takes a permit if one is free and no fiber is waiting for one.
   *
   * @return true if a permit was taken
   */
  public boolean tryAcquire() {
    synchronized (waiting) {
      if (permits > 0 && waiting.isEmpty()) {
        permits--;
        return true;
      }
      return false;
    }
  }

  /**
   * Takes a permit, waiting at most {@code timeout} for one. A switch point in {@code @Fibered}
   * code; from plain code it does not wait, as nothing else could release one.
   *
   * @param timeout how long to wait at most
   * @return true if a permit was taken, false if the time ran out first
   */
  @Fibered
  public boolean tryAcquire(java.time.Duration timeout) {
    return tryAcquire();
  }

  /**
   * Gives a permit back: to the fiber that has waited longest, or to the pool. Like {@link
   * java.util.concurrent.Semaphore}, it need not have been acquired by the caller.
   *
   * @throws IllegalStateException if another thread runs the waiting fibers' scheduler (nothing
   *     changes then)
   */
  public void release() {
    synchronized (waiting) {
      if (!waiting.wakeFirst()) {
        permits++;
      }
    }
  }

  /**
   * Returns how many permits are free.
   *
   * @return the free permits
   */
  public int availablePermits() {
    synchronized (waiting) {
      return permits;
    }
  }

  @Override
  public String toString() {
    return "Semaphore[" + availablePermits() + " free]";
  }

  /** The monitor that guards the permits and the waiting fibers. */
  Object lock() {
    return waiting;
  }

  /** For {@link Pool}: parks the running fiber until a release hands it a permit; under lock(). */
  WaitQueue.Ticket park(Fiber<?> fiber) {
    return waiting.park(fiber);
  }

  /**
   * For {@link SemaphoreFibers}: parks the running fiber until a release hands it a permit, or
   * until {@code timeoutNanos} (if not negative) has passed.
   */
  WaitQueue.Ticket park(Fiber<?> fiber, long timeoutNanos) {
    return waiting.park(fiber, timeoutNanos);
  }
}
