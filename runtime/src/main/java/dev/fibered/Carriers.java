package dev.fibered;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine of a multi-threaded scheduler ({@code Scheduler.builder().threads(n)}): n carrier
 * threads take fibers from one shared run queue, one slice at a time.
 *
 * <p>One {@link #lock} guards the run queue, the timers, the set of live fibers and the counters
 * that tell an idle run from a deadlock. It is taken once per slice and once per wake-up, never
 * while a fiber runs. A primitive's own monitor may be held while it is taken (a wake-up from
 * inside a channel operation); the reverse never happens, so there is no lock-order cycle.
 *
 * <p>Carriers live for one run: {@link #run()} or a plain {@link Fiber#join()} starts them when
 * the scheduler is idle; the run ends, and they exit, when no fiber is left, or when every fiber
 * left waits for something no one will do (a deadlock). {@link #run()} joins them before it
 * returns, so no carrier outlives it.
 */
final class Carriers {
  private final Scheduler scheduler;
  private final int threads;
  private final long sliceNanos;

  private final ReentrantLock lock = new ReentrantLock();

  /** Idle carriers wait here for a fiber, a task, a due timer or the end of the run. */
  private final Condition work = lock.newCondition();

  /** Threads in {@link #run()} or a plain join wait here for fibers to end or the run to end. */
  private final Condition progress = lock.newCondition();

  private final ArrayDeque<Fiber<?>> runQueue = new ArrayDeque<>();

  /** The run queue's length, for the checks of running fibers, which read it without the lock. */
  private volatile int queued;

  private final PriorityQueue<Scheduler.Timer> timers = new PriorityQueue<>();

  /** The earliest timer's deadline, for the checks; meaningful only while {@link #anyTimer}. */
  private volatile long earliestDeadline;

  private volatile boolean anyTimer;

  private long timerSequence;
  private int deadTimers;

  /** Spawned and not ended, in spawn order: for {@link #dump()} and deadlock reports. */
  private final Set<Fiber<?>> live = new LinkedHashSet<>();

  /** Carriers running a slice or tasks now: while any does, an empty queue is no deadlock. */
  private int busy;

  private int idleCarriers;
  private boolean tasksRunning;
  private long slicesRun;

  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();

  /** The carriers of the current run, or null while idle. */
  private Carrier[] running;

  /** Counts runs, so that a carrier or a waiter of an ended run does not mistake the next one. */
  private long runNumber;

  /** Why the last run ended early: a deadlock, or a failure in the runtime itself. */
  private RuntimeException endedBy;

  /** A carrier thread; the fiber it runs now is {@link Fiber#current()} there. */
  static final class Carrier extends Thread {
    final Carriers owner;
    Fiber<?> current;

    /** Which carrier of the run this is, from 0: its slot in the scheduler's ticker. */
    final int number;

    Carrier(Carriers owner, int index, Runnable loop) {
      super(loop, "fibered-carrier-" + index);
      this.owner = owner;
      this.number = index - 1;
      setDaemon(true);
    }
  }

  Carriers(Scheduler scheduler, int threads, long sliceNanos) {
    this.scheduler = scheduler;
    this.threads = threads;
    this.sliceNanos = sliceNanos;
  }

  int threads() {
    return threads;
  }

  /** Whether the calling thread is one of this engine's carriers. */
  boolean isCarrierHere() {
    Thread t = Thread.currentThread();
    return t instanceof Carrier && ((Carrier) t).owner == this;
  }

  // ---- fibers in and out ----

  void spawn(Fiber<?> fiber) {
    lock.lock();
    try {
      live.add(fiber);
      fiber.markQueued();
      enqueue(fiber);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends wait {@code park} of {@code fiber} (any wait if negative); from any thread. Under the
   * lock: a carrier deciding that nothing can happen must never see the fiber already out of its
   * wait (its timer dead) but not yet queued; with a waker on an outside thread (a cancel) that
   * window was a false deadlock report.
   */
  void wake(Fiber<?> fiber, long park) {
    lock.lock();
    try {
      if (fiber.endWait(park)) {
        enqueue(fiber);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Caller holds the lock. */
  private void enqueue(Fiber<?> fiber) {
    runQueue.addLast(fiber);
    queued = runQueue.size();
    if (idleCarriers > 0) {
      work.signal();
    }
  }

  void fiberFinished(Fiber<?> fiber) {
    lock.lock();
    try {
      live.remove(fiber);
      progress.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** For a running fiber's checks: is another fiber, or a due timer, waiting for a carrier? */
  boolean hasOtherRunnable(long now) {
    return queued > 0 || (anyTimer && earliestDeadline - now <= 0);
  }

  // ---- timers ----

  Scheduler.Timer wakeAt(Fiber<?> fiber, long park, long deadline) {
    lock.lock();
    try {
      Scheduler.Timer timer = new Scheduler.Timer(deadline, timerSequence++, fiber, park);
      timers.add(timer);
      if (timers.peek() == timer) {
        noteEarliest();
        if (idleCarriers > 0) {
          work.signal(); // an idle carrier may be waiting for a later timer
        }
      }
      return timer;
    } finally {
      lock.unlock();
    }
  }

  /** The wait a timer would end was served first: the timer is dead (dropped lazily). */
  void cancelTimer(Scheduler.Timer timer) {
    lock.lock();
    try {
      if (!timer.cancelled) {
        timer.cancelled = true;
        if (++deadTimers * 2 > timers.size()) {
          timers.removeIf(t -> t.cancelled);
          deadTimers = 0;
          noteEarliest();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private static boolean isDead(Scheduler.Timer timer) {
    // A fiber that ended (cancelled out of a sleep, say) keeps the number of its last wait.
    return timer.cancelled || timer.fiber.isDone() || !timer.fiber.stillWaits(timer.park);
  }

  /** Wakes the fibers whose timers are due. Caller holds the lock. */
  private void wakeDueTimers() {
    long now = System.nanoTime();
    while (!timers.isEmpty() && timers.peek().deadline - now <= 0) {
      Scheduler.Timer due = timers.poll();
      if (due.cancelled) {
        deadTimers--;
      } else if (due.fiber.endWait(due.park)) {
        enqueue(due.fiber);
      }
    }
    noteEarliest();
  }

  /** Drops dead timers at the head, so that they keep no carrier waiting. Caller holds the lock. */
  private void dropDeadTimers() {
    while (!timers.isEmpty() && isDead(timers.peek())) {
      if (timers.poll().cancelled) {
        deadTimers--;
      }
    }
    noteEarliest();
  }

  private void noteEarliest() {
    Scheduler.Timer first = timers.peek();
    if (first != null) {
      earliestDeadline = first.deadline;
    }
    anyTimer = first != null;
  }

  // ---- tasks from other threads ----

  void execute(Runnable task) {
    inbox.add(task);
    poke();
  }

  /** Something changed that an idle carrier must look at (a task, a hold closed). */
  void poke() {
    lock.lock();
    try {
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  // ---- runs ----

  /**
   * Starts carriers if the scheduler is idle and waits until the run ends; throws if it ended by a
   * deadlock. From any thread but a carrier.
   */
  void run() {
    Carrier[] carriers;
    lock.lock();
    try {
      long mine = startIfIdle();
      carriers = running;
      while (runNumber == mine && running != null) {
        progress.awaitUninterruptibly();
      }
      if (endedBy != null) {
        throw ended();
      }
    } finally {
      lock.unlock();
    }
    joinAll(carriers);
  }

  /**
   * A plain {@link Fiber#join()}: waits until {@code fiber} ends, starting carriers if the
   * scheduler is idle; if {@code timed}, at most until {@code deadline} ({@link System#nanoTime()}).
   * Returns whether the fiber ended.
   */
  boolean await(Fiber<?> fiber, boolean timed, long deadline) {
    boolean interrupted = false;
    lock.lock();
    try {
      while (!fiber.isDone()) {
        if (running == null) {
          if (!live.contains(fiber)) {
            throw new IllegalStateException(fiber + " is neither runnable nor waiting: it was lost");
          }
          startIfIdle();
        }
        if (!timed) {
          progress.awaitUninterruptibly();
        } else {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          interrupted |= awaitNanos(progress, left);
        }
        if (!fiber.isDone() && running == null && endedBy != null) {
          throw ended();
        }
      }
      return fiber.isDone();
    } finally {
      lock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Why the run ended early, as a fresh exception for this caller (the message is the same). */
  private IllegalStateException ended() {
    return new IllegalStateException(endedBy.getMessage(), endedBy.getCause());
  }

  /** Starts carriers for a new run unless one is going on; returns the run's number. */
  private long startIfIdle() {
    if (endedBy != null) {
      throw new IllegalStateException(
          "this scheduler stopped earlier and its waiting fibers can never go on; use a new"
              + " scheduler. It was: "
              + endedBy.getMessage(),
          endedBy);
    }
    if (running == null) {
      long mine = ++runNumber;
      running = new Carrier[threads];
      for (int i = 0; i < threads; i++) {
        running[i] = new Carrier(this, i + 1, () -> carry(mine));
      }
      for (Carrier c : running) {
        c.start();
      }
    }
    return runNumber;
  }

  /** The run ends: carriers exit, waiters return. Caller holds the lock. */
  private void endRun(RuntimeException why) {
    endedBy = why;
    running = null;
    work.signalAll();
    progress.signalAll();
  }

  private static void joinAll(Carrier[] carriers) {
    boolean interrupted = false;
    for (Carrier c : carriers) {
      while (true) {
        try {
          c.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // restored below: run() returns only once every carrier is gone
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the carrier loop ----

  private void carry(long run) {
    Carrier me = (Carrier) Thread.currentThread();
    Scheduler.enterCarrier(scheduler);
    lock.lock();
    try {
      while (runNumber == run && running != null) {
        if (!tasksRunning && !inbox.isEmpty()) {
          runTasks();
          continue;
        }
        wakeDueTimers();
        Fiber<?> next = runQueue.pollFirst();
        if (next != null) {
          queued = runQueue.size();
          runSlice(me, next);
        } else {
          waitOrEnd();
        }
      }
    } catch (RuntimeException | Error bug) {
      endRun(new IllegalStateException("a carrier thread of " + scheduler + " failed", bug));
      throw bug;
    } finally {
      lock.unlock();
      Scheduler.leaveCarrier();
    }
  }

  /** Runs one slice of {@code fiber} without the lock, then queues or parks it. Holds the lock. */
  private void runSlice(Carrier me, Fiber<?> fiber) {
    busy++;
    slicesRun++;
    lock.unlock();
    boolean finished;
    try {
      fiber.markOnCarrier();
      fiber.parked = false; // set again if it parks in this slice; its last wait has ended
      me.current = fiber;
      finished = fiber.runSlice(sliceNanos);
    } finally {
      me.current = null;
      lock.lock();
      busy--;
    }
    if (!finished && !(fiber.parked && fiber.settleParked())) {
      fiber.markQueued(); // preempted, yielded, or woken before its park completed
      enqueue(fiber);
    }
  }

  /** Runs the tasks other threads handed over, one carrier at a time, in order. Holds the lock. */
  private void runTasks() {
    tasksRunning = true;
    busy++;
    lock.unlock();
    try {
      Scheduler.runTasks(inbox);
    } finally {
      lock.lock();
      busy--;
      tasksRunning = false;
    }
  }

  /**
   * Nothing to run: wait for work, or end the run when nothing can ever happen again. Holds the
   * lock; everything that could make work (a slice, a task, a timer, an outside wait) is counted
   * under it, so "nothing can happen" is decided on one consistent view.
   */
  private void waitOrEnd() {
    dropDeadTimers();
    if (busy > 0 || !timers.isEmpty() || scheduler.waitsForOutside()) {
      idleWait();
    } else if (!inbox.isEmpty()) {
      return;
    } else if (!live.isEmpty()) {
      endRun(Scheduler.deadlock(new ArrayList<>(live)));
    } else {
      endRun(null);
    }
  }

  private void idleWait() {
    idleCarriers++;
    try {
      if (timers.isEmpty()) {
        work.awaitUninterruptibly();
      } else {
        awaitNanos(work, timers.peek().deadline - System.nanoTime()); // a carrier ignores interrupts
      }
    } finally {
      idleCarriers--;
    }
  }

  /** Waits at most {@code nanos}; returns whether the thread was interrupted (status cleared). */
  private static boolean awaitNanos(Condition condition, long nanos) {
    if (nanos <= 0) {
      return false;
    }
    try {
      condition.awaitNanos(nanos);
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }

  // ---- diagnostics ----

  /** A consistent snapshot, under the lock: the scheduler's line, then every live fiber. */
  String dump() {
    lock.lock();
    try {
      List<Fiber<?>> fibers = new ArrayList<>(live);
      long liveTimers = timers.stream().filter(t -> !isDead(t)).count();
      return Scheduler.describe(scheduler.toString(), fibers, slicesRun, liveTimers);
    } finally {
      lock.unlock();
    }
  }

  /** The number of fibers in the run queue. */
  int runnableCount() {
    lock.lock();
    try {
      return runQueue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Whether a run is going on (carriers started and not stopped). */
  boolean isRunning() {
    lock.lock();
    try {
      return running != null;
    } finally {
      lock.unlock();
    }
  }
}
