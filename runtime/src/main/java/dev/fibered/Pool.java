package dev.fibered;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * At most {@code size} fibers running at once (gevent's {@code Pool}): {@link #spawn} waits while
 * the pool is full, and {@link #join()} waits until every fiber spawned through it is done.
 * Slots are handed out fairly, in the order fibers asked for them.
 *
 * <p>In {@code @Fibered} code {@code spawn} and {@code join} are switch points. From plain code,
 * {@code spawn} throws if the pool is full, and {@code join} joins the running fibers one by one as
 * {@link Fiber#join()} does (driving an idle scheduler on the calling thread).
 *
 * <p>Thread-safety: on a single-threaded scheduler, a pool serves its fibers, on its thread, or
 * plain code while it is idle. On a multi-threaded one ({@link Scheduler.Builder#threads}) it is
 * thread-safe: fibers on any carrier, and plain code on any thread, may use it at once.
 */
public final class Pool {
  private final Scheduler scheduler;
  private final int size;
  private final Semaphore slots;
  /** The pool's fibers not yet ended. Its monitor guards it and {@link #idle}. */
  private final Set<Fiber<?>> running = new LinkedHashSet<>();

  private final WaitQueue idle = new WaitQueue(running);

  /**
   * Creates a pool.
   *
   * @param scheduler the scheduler the pool's fibers run on
   * @param size how many of them may run at once, at least 1
   * @throws IllegalArgumentException if {@code size} is less than 1
   */
  public Pool(Scheduler scheduler, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, was " + size);
    }
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.size = size;
    this.slots = new Semaphore(size);
  }

  /**
   * Spawns {@code fiber} on the pool's scheduler once a slot is free, waiting for one while the
   * pool is full. A switch point in {@code @Fibered} code.
   *
   * @param <T> the fiber's result type
   * @param fiber an unstarted fiber
   * @return the same fiber, spawned
   * @throws IllegalStateException if called from plain code while the pool is full, or as {@link
   *     Scheduler#spawn} throws
   */
  @Fibered
  public <T> Fiber<T> spawn(Fiber<T> fiber) {
    if (!slots.tryAcquire()) {
      throw new IllegalStateException(
          "spawn on a full " + this + " would wait: call it from @Fibered code");
    }
    return start(fiber);
  }

  /**
   * Waits until every fiber spawned through this pool is done. A switch point in {@code @Fibered}
   * code.
   */
  @Fibered
  public void join() {
    for (List<Fiber<?>> left = snapshot(); !left.isEmpty(); left = snapshot()) {
      Fiber.joinAll(left);
    }
  }

  private List<Fiber<?>> snapshot() {
    synchronized (running) {
      return new ArrayList<>(running);
    }
  }

  /**
   * Returns how many more fibers could start now.
   *
   * @return the free slots
   */
  public int freeCount() {
    return slots.availablePermits();
  }

  /**
   * Returns how many fibers of this pool are running or waiting to run.
   *
   * @return the busy slots
   */
  public int runningCount() {
    synchronized (running) {
      return running.size();
    }
  }

  /**
   * Returns the most fibers this pool runs at once.
   *
   * @return the pool's size
   */
  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "Pool[" + runningCount() + " of " + size + " running]";
  }

  // ---- for PoolFibers ----

  boolean tryTakeSlot() {
    return slots.tryAcquire();
  }

  /** The monitor that guards the slots and the fibers waiting for one. */
  Object slotLock() {
    return slots.lock();
  }

  /** Parks the running fiber until a slot is handed to it; under {@link #slotLock()}. */
  WaitQueue.Ticket waitForSlot(Fiber<?> waiting) {
    return slots.park(waiting);
  }

  void giveBackSlot() {
    slots.release();
  }

  /** Spawns a fiber into a slot it holds; the slot is freed when the fiber ends. */
  <T> Fiber<T> start(Fiber<T> fiber) {
    if (fiber.scheduler() != null) {
      slots.release();
      throw new IllegalStateException(fiber + " has already been spawned");
    }
    // Before the spawn: on a multi-threaded scheduler the fiber may end at once on another carrier.
    synchronized (running) {
      running.add(fiber);
    }
    try {
      fiber.whenDone(() -> ended(fiber));
      scheduler.spawn(fiber);
    } catch (RuntimeException e) {
      synchronized (running) {
        running.remove(fiber);
      }
      fiber.whenDone(null);
      slots.release();
      throw e;
    }
    return fiber;
  }

  private void ended(Fiber<?> fiber) {
    synchronized (running) {
      running.remove(fiber);
      if (running.isEmpty()) {
        idle.wakeAll();
      }
    }
    slots.release();
  }

  /** Parks the running fiber until the pool is idle, and returns true; false if it is idle. */
  boolean parkUnlessIdle(Fiber<?> waiting) {
    synchronized (running) {
      if (running.isEmpty()) {
        return false;
      }
      idle.park(waiting);
      return true;
    }
  }
}
