package dev.fibered;

import java.util.ArrayList;
import java.util.List;

/**
 * A reentrant mutual-exclusion lock for fibers, with conditions: {@link #lock()} suspends the
 * calling fiber while another fiber holds the lock. Fair: the lock goes to waiting fibers in the
 * order they asked. The holder is a fiber, not a thread; plain code may use the lock only while it
 * runs inside a fiber (called from one).
 *
 * <p>A fiber that ends by an exception or a cancellation while it holds the lock gives it up, as a
 * {@code synchronized} block does when an exception leaves it (a {@code @Fibered} body cannot yet
 * put {@code unlock()} in a {@code finally} around a switch point). A fiber that returns normally
 * while holding it keeps it locked, as with {@link java.util.concurrent.locks.ReentrantLock}.
 *
 * <p>In {@code @Fibered} code {@code lock} and {@link Condition#await()} are switch points.
 *
 * <p>Thread-safety: on a single-threaded scheduler, a lock serves its fibers, on its thread. On a
 * multi-threaded one ({@link Scheduler.Builder#threads}) it is thread-safe: fibers on any carrier
 * may use it at once (it is still held by a fiber, whichever carrier runs it).
 */
public final class Lock {
  /** The fibers waiting for the lock; its monitor guards the lock and all its conditions. */
  private final WaitQueue waiting = new WaitQueue();

  private Fiber<?> owner;
  private int holds;

  /** Creates an unlocked lock. */
  public Lock() {}

  /**
   * Takes the lock, waiting while another fiber holds it; again by its holder, counts one more
   * hold. A switch point in {@code @Fibered} code.
   *
   * @throws IllegalStateException if called outside any fiber, or from plain code while another
   *     fiber holds the lock
   */
  @Fibered
  public void lock() {
    if (!tryLock()) {
      throw new IllegalStateException(
          "lock on " + this + " would wait: call it from @Fibered code, or use tryLock");
    }
  }

  /**
   * Takes the lock if it is free (and no fiber waits for it) or already held by the calling fiber.
   *
   * @return true if the calling fiber now holds the lock
   * @throws IllegalStateException if called outside any fiber
   */
  public boolean tryLock() {
    Fiber<?> me = requireFiber();
    synchronized (waiting) {
      if (owner == me) {
        holds++;
        return true;
      }
      if (owner == null && waiting.isEmpty()) {
        take(me, 1);
        return true;
      }
      return false;
    }
  }

  /**
   * Gives up one hold; the last one hands the lock to the fiber that has waited longest.
   *
   * @throws IllegalMonitorStateException if the calling fiber does not hold the lock
   */
  public void unlock() {
    Fiber<?> me = Fiber.current();
    synchronized (waiting) {
      if (owner == null || owner != me) {
        throw new IllegalMonitorStateException(
            (me == null ? "plain code" : me.toString()) + " does not hold " + this);
      }
      if (--holds == 0) {
        release();
      }
    }
  }

  /**
   * Tells whether some fiber holds the lock.
   *
   * @return true while the lock is held
   */
  public boolean isLocked() {
    synchronized (waiting) {
      return owner != null;
    }
  }

  /**
   * Tells whether the calling fiber holds the lock.
   *
   * @return true if the fiber running now holds it
   */
  public boolean isHeldByCurrentFiber() {
    Fiber<?> me = Fiber.current();
    synchronized (waiting) {
      return owner != null && owner == me;
    }
  }

  /**
   * Returns a new condition of this lock, for fibers to wait on until another signals it.
   *
   * @return a new condition
   */
  public Condition newCondition() {
    return new Condition(this);
  }

  @Override
  public String toString() {
    synchronized (waiting) {
      return "Lock["
          + (owner == null ? "unlocked" : "held by " + owner + ", " + holds + " holds")
          + "]";
    }
  }

  // ---- for LockFibers and Lock_ConditionFibers ----

  private static Fiber<?> requireFiber() {
    Fiber<?> me = Fiber.current();
    if (me == null) {
      throw new IllegalStateException("a Lock is held by fibers: use it from fibered code");
    }
    return me;
  }

  /** The monitor that guards the lock's state, its waiting fibers and its conditions. */
  Object monitor() {
    return waiting;
  }

  // The methods below are called holding monitor().

  Fiber<?> owner() {
    return owner;
  }

  int holds() {
    return holds;
  }

  void take(Fiber<?> fiber, int count) {
    owner = fiber;
    holds = count;
    fiber.holding(this);
  }

  /** Releases every hold and hands the lock on; returns how many holds there were. */
  int release() {
    int count = holds;
    owner.released(this);
    owner = null;
    holds = 0;
    handOn();
    return count;
  }

  /** Gives the free lock to the first waiting fiber, which owns it before it even runs. */
  private void handOn() {
    waiting.grantFirst(ticket -> take(ticket.fiber, 1));
  }

  WaitQueue.Ticket waitForLock(Fiber<?> fiber) {
    return waiting.park(fiber);
  }

  /** Called when a fiber ends abnormally while holding this lock: frees it for the others. */
  void abandonedBy(Fiber<?> fiber) {
    synchronized (waiting) {
      if (owner == fiber) {
        owner = null;
        holds = 0;
        handOn();
      }
    }
  }

  /**
   * A condition of a {@link Lock}: a fiber that holds the lock waits on it with {@link #await()},
   * which gives up the lock while it waits and takes it back before it returns; another fiber
   * wakes it with {@link #signal()} or {@link #signalAll()}.
   */
  public static final class Condition {
    private final Lock lock;
    private final WaitQueue waiting;

    private Condition(Lock lock) {
      this.lock = lock;
      this.waiting = new WaitQueue(lock.monitor());
    }

    /**
     * Gives up the lock, waits until signalled, then takes the lock back with as many holds as
     * before. A switch point in {@code @Fibered} code.
     *
     * @throws IllegalMonitorStateException if the calling fiber does not hold the lock
     * @throws IllegalStateException if called from plain code (it would always wait)
     */
    @Fibered
    public void await() {
      checkHeld();
      throw new IllegalStateException("await on a condition always waits: call it from @Fibered code");
    }

    /**
     * Wakes the fiber that has waited longest on this condition, if any; it takes the lock back
     * once it is free.
     *
     * @throws IllegalMonitorStateException if the calling fiber does not hold the lock
     */
    public void signal() {
      synchronized (lock.monitor()) {
        checkHeld();
        waiting.wakeFirst();
      }
    }

    /**
     * Wakes every fiber waiting on this condition.
     *
     * @throws IllegalMonitorStateException if the calling fiber does not hold the lock
     */
    public void signalAll() {
      synchronized (lock.monitor()) {
        checkHeld();
        waiting.wakeAll();
      }
    }

    void checkHeld() {
      if (!lock.isHeldByCurrentFiber()) {
        throw new IllegalMonitorStateException("the calling fiber does not hold " + lock);
      }
    }

    void passOn() {
      waiting.wakeFirst();
    }

    Lock lock() {
      return lock;
    }

    WaitQueue.Ticket waitForSignal(Fiber<?> fiber) {
      return waiting.park(fiber);
    }
  }

  /** The locks a fiber holds, kept by the fiber so that an abnormal end frees them. */
  static final class Held {
    private final List<Lock> locks = new ArrayList<>(1);

    void add(Lock lock) {
      if (!locks.contains(lock)) {
        locks.add(lock);
      }
    }

    void remove(Lock lock) {
      locks.remove(lock);
    }

    void releaseAll(Fiber<?> fiber) {
      for (Lock lock : new ArrayList<>(locks)) {
        lock.abandonedBy(fiber);
      }
      locks.clear();
    }
  }
}
