package dev.fibered;

/**
 * A flag fibers can wait for (gevent's and gruvi's {@code Event}): {@link #await()} suspends the
 * calling fiber until another one calls {@link #set()}, which wakes every waiting fiber at once.
 * Once set, an event stays set, and {@code await} returns at once, until {@link #clear()}; used
 * without {@code clear}, it is a one-shot latch.
 *
 * <p>In {@code @Fibered} code {@code await} is a switch point. Called from plain code it returns if
 * the event is set and throws {@link IllegalStateException} otherwise.
 *
 * <p>Thread-safety: on a single-threaded scheduler, an event serves its fibers, on its thread, or
 * plain code while it is idle. On a multi-threaded one ({@link Scheduler.Builder#threads}) it is
 * thread-safe: fibers on any carrier, and plain code on any thread, may use it at once.
 */
public final class Event {
  private final WaitQueue waiting = new WaitQueue();
  private volatile boolean set; // written under the monitor of waiting

  /** Creates an event that is not set. */
  public Event() {}

  /**
   * Waits until the event is set. A switch point in {@code @Fibered} code.
   *
   * @throws IllegalStateException if called from plain code while the event is not set
   */
  @Fibered
  public void await() {
    if (!set) {
      throw new IllegalStateException(
          "await on an event that is not set would wait: call it from @Fibered code");
    }
  }

  /**
   * Waits at most {@code timeout} for the event to be set. A switch point in {@code @Fibered} code;
   * from plain code it does not wait, as nothing else could set it.
   *
   * @param timeout how long to wait at most
   * @return true if the event is set, false if the time ran out first
   */
  @Fibered
  public boolean await(java.time.Duration timeout) {
    return set;
  }

  /**
   * Sets the event and wakes every fiber waiting for it. Setting a set event does nothing.
   *
   * @throws IllegalStateException if another thread runs the waiting fibers' scheduler (nothing
   *     changes then)
   */
  public void set() {
    synchronized (waiting) {
      if (set) {
        return;
      }
      waiting.wakeAll();
      set = true;
    }
  }

  /** Clears the event: later {@link #await()} calls wait again until the next {@link #set()}. */
  public void clear() {
    synchronized (waiting) {
      set = false;
    }
  }

  /**
   * Tells whether the event is set.
   *
   * @return true between {@link #set()} and {@link #clear()}
   */
  public boolean isSet() {
    return set;
  }

  @Override
  public String toString() {
    return "Event[" + (set ? "set" : "not set") + "]";
  }

  /** The monitor that guards the flag's changes and the waiting fibers. */
  Object lock() {
    return waiting;
  }

  /** For {@link EventFibers}: parks the running fiber until the next {@link #set()}; under lock(). */
  WaitQueue.Ticket park(Fiber<?> fiber, long timeoutNanos) {
    return waiting.park(fiber, timeoutNanos);
  }
}
