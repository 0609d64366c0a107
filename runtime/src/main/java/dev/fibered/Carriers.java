package dev.fibered;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine of a multi-threaded scheduler ({@code Scheduler.builder().threads(n)}): n carrier
 * threads, each with a run queue of its own ({@link CarrierQueue}), a shared queue for what comes
 * from elsewhere, and work stealing, after Go's scheduler.
 *
 * <p>Where a runnable fiber goes:
 *
 * <ul>
 *   <li>spawned by a carrier (from a fiber or a task): the tail of that carrier's queue;
 *   <li>woken by a carrier (a channel, lock, join...): that carrier's runnext slot;
 *   <li>woken by its timer: the head of the queue of the carrier that fired the timer;
 *   <li>preempted or yielded: the tail of the shared queue, behind every fiber that waits anywhere,
 *       so that fibers that never wait are served round robin across all carriers (Go puts a
 *       preempted goroutine on its global queue for the same reason);
 *   <li>spawned or woken by any other thread: the shared queue.
 * </ul>
 *
 * <p>A carrier takes work from its runnext slot, its queue, the shared queue (first, one time in
 * {@value #SHARED_FIRST_EVERY}, so a busy queue cannot starve it), then steals half of another
 * carrier's queue; finding nothing, it parks. <b>No lost wake-up</b>, the argument:
 *
 * <ol>
 *   <li>Every carrier that parks was {@linkplain Run#spinning spinning} (looking for work) and,
 *       in one section under {@link #lock}, puts itself on the idle list and stops spinning; then,
 *       without the lock, it looks once more at every queue, the shared queue and the task inbox,
 *       and parks only if all are empty.
 *   <li>Every thread that makes work (pushes a fiber or a task) first publishes it (a volatile
 *       write: a queue's size, or the inbox), then reads the idle count and the spinning count;
 *       if some carrier is idle and none spins, it wakes one, under the lock, which counts the
 *       woken carrier as spinning before it runs.
 *   <li>These are volatile accesses, totally ordered. If the parker's last look missed the work,
 *       the look came before the publication, so the parker's idle and stop-spinning writes came
 *       before the maker's reads: the maker sees an idle carrier, and it sees either no spinner (and
 *       wakes one) or a spinner whose stop comes after its read, hence whose own last look comes
 *       after the publication and sees the work. Either way some carrier looks after the work was
 *       published. A spinner that finds work and was the last one wakes another if any is idle,
 *       as Go's does, so that work published while it spun is not left to one carrier.
 * </ol>
 *
 * <p><b>No false deadlock.</b> The run ends (every fiber done, or a deadlock) only when the carrier
 * that makes the idle count reach n finds, under the lock, the shared queue, the inbox and every
 * carrier queue empty, no live timer and no outside wait. While all n are idle no fiber runs and
 * none is being moved: only a carrier adds to its own queue, and only while it is not idle (it
 * registers as idle after finding its queue empty); a wake-up from a carrier happens while that
 * carrier runs; a wake-up from another thread ends the wait and queues the fiber in one section
 * under the lock, so the deciding carrier sees the fiber either still waiting (its timer alive) or
 * queued (see {@link #wake}).
 *
 * <p>Carriers live for one run: {@link #run()} or a plain {@link Fiber#join()} starts them when
 * the scheduler is idle; the run ends, and they exit, when no fiber is left, or when every fiber
 * left waits for something no one will do. {@link #run()} joins them before it returns.
 */
final class Carriers {
  /** Go's 61: one schedule in this many looks at the shared queue before the carrier's own. */
  static final int SHARED_FIRST_EVERY = 61;

  /** Rounds over the other carriers' queues before a carrier that found nothing parks. */
  private static final int STEAL_ROUNDS = 4;

  private final Scheduler scheduler;
  private final int threads;
  private final long sliceNanos;

  /**
   * Guards the shared queue, the timers, the idle list, run start and end, and the decision that
   * nothing can happen any more. Never held while a fiber runs. A primitive's monitor may be held
   * while it is taken (a wake-up inside a channel operation); never the reverse. A carrier queue's
   * monitor may be taken while it is held (dumps, the end of a run), never the reverse: a queue's
   * monitor is a leaf.
   */
  private final ReentrantLock lock = new ReentrantLock();

  /** Threads in {@link #run()} or a plain join wait here for fibers to end or the run to end. */
  private final Condition progress = lock.newCondition();

  /** Fibers spawned or woken by other threads, and preempted ones. Guarded by {@link #lock}. */
  private final ArrayDeque<Fiber<?>> shared = new ArrayDeque<>();

  /** The shared queue's length, for checks and wake-up decisions, which read it without the lock. */
  private volatile int sharedSize;

  private final PriorityQueue<Scheduler.Timer> timers = new PriorityQueue<>();

  /** The earliest timer's deadline, for the checks; meaningful only while {@link #anyTimer}. */
  private volatile long earliestDeadline;

  private volatile boolean anyTimer;

  private long timerSequence;
  private int deadTimers;

  /**
   * Fibers spawned by other threads, and those left when a run ended, ended ones dropped lazily;
   * with the carriers' own lists ({@link CarrierQueue#addSpawned}), the live fibers, for {@link
   * #dump()}, deadlock reports and the end of a run. Guarded by {@link #lock}.
   */
  private final Set<Fiber<?>> spawnedElsewhere = new LinkedHashSet<>();

  /** When {@link #spawnedElsewhere} reaches this size, its ended fibers are dropped. */
  private int pruneAt = 64;

  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();

  /** Set while a carrier runs the inbox's tasks: they run one carrier at a time, in order. */
  private final AtomicBoolean tasksRunning = new AtomicBoolean();

  /** The current run, or null while idle. Written under {@link #lock}. */
  private volatile Run run;

  /** Counts runs, so that a waiter of an ended run does not mistake the next one. */
  private long runNumber;

  /** Threads in {@link #await}: a finishing fiber signals {@link #progress} only if there are. */
  private volatile int waiters;

  /** Slices run by the carriers of ended runs, for {@link #dump()}. Guarded by {@link #lock}. */
  private long slicesOfEndedRuns;

  /** Why the last run ended early: a deadlock, or a failure in the runtime itself. */
  private RuntimeException endedBy;

  /** One run's carriers and the counts that decide when to wake or park them. */
  static final class Run {
    final Carrier[] carriers;

    /** Carriers looking for work (not running, not parked), and carriers woken to look. */
    final AtomicInteger spinning = new AtomicInteger();

    /** Parked carriers, or carriers about to park. Guarded by the engine's lock. */
    final ArrayDeque<Carrier> idle = new ArrayDeque<>();

    /** {@link #idle}'s size, for wake-up decisions made without the lock. */
    volatile int idleCount;

    Run(int threads) {
      carriers = new Carrier[threads];
    }
  }

  /** A carrier thread; the fiber it runs now is {@link Fiber#current()} there. */
  static final class Carrier extends Thread {
    private static final AtomicLongFieldUpdater<Carrier> SLICES =
        AtomicLongFieldUpdater.newUpdater(Carrier.class, "slices");

    final Carriers owner;
    final Run run;
    final CarrierQueue queue = new CarrierQueue();
    final CarrierQueue.Chain chain;

    /** Scratch for fibers a steal moves into {@link #queue}. */
    final ArrayDeque<Fiber<?>> moving = new ArrayDeque<>();

    Fiber<?> current;

    /** Which carrier of the run this is, from 0: its slot in the scheduler's ticker. */
    final int number;

    /** Schedules so far, for {@link #SHARED_FIRST_EVERY}. */
    int ticks;

    /** Counted in {@link Run#spinning}. Written by the carrier, or under the lock while it is idle. */
    boolean spinningNow;

    /** Set, under the lock, by the thread that took this carrier off the idle list. */
    volatile boolean wakeUp;

    /** Slices run; written by this carrier only (lazily), read by dumps. */
    volatile long slices;

    Carrier(Carriers owner, Run run, int index) {
      super("fibered-carrier-" + index);
      this.owner = owner;
      this.run = run;
      this.number = index - 1;
      this.chain = new CarrierQueue.Chain(owner.sliceNanos);
      setDaemon(true);
    }

    @Override
    public void run() {
      owner.carry(this);
    }

    void countSlice() {
      SLICES.lazySet(this, slices + 1);
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
    return carrierHere() != null;
  }

  /** The calling thread as one of this engine's carriers, or null. */
  private Carrier carrierHere() {
    Thread t = Thread.currentThread();
    return t instanceof Carrier && ((Carrier) t).owner == this ? (Carrier) t : null;
  }

  // ---- fibers in and out ----

  void spawn(Fiber<?> fiber) {
    Carrier here = carrierHere();
    if (here != null) {
      fiber.markQueued();
      here.queue.addSpawned(fiber);
    } else {
      lock.lock();
      try { // one step with the queueing: a deciding carrier never sees it live but not queued
        if (spawnedElsewhere.size() >= pruneAt) {
          spawnedElsewhere.removeIf(Fiber::isDone);
          pruneAt = Math.max(64, 2 * spawnedElsewhere.size());
        }
        spawnedElsewhere.add(fiber);
        fiber.markQueued();
        addShared(fiber);
      } finally {
        lock.unlock();
      }
    }
    wakeIdleIfNeeded();
  }

  /**
   * Ends wait {@code park} of {@code fiber} (any wait if negative); from any thread. A carrier puts
   * the fiber in its own runnext slot: it runs as soon as the waker's slice ends, on the cache the
   * waker warmed, and no other carrier is woken for it (waking one per hand-off costs more than a
   * hand-off; the chain of runnext fibers is bounded by a slice, see {@link CarrierQueue.Chain}).
   * Another thread does it under the lock: a carrier deciding that nothing can happen must never
   * see the fiber out of its wait (its timer dead) but not yet queued; with a waker on an outside
   * thread (a cancel) that window was a false deadlock report.
   */
  void wake(Fiber<?> fiber, long park) {
    Carrier here = carrierHere();
    if (here != null) {
      if (fiber.endWait(park) && here.queue.putNext(fiber)) {
        wakeIdleIfNeeded(); // the fiber it displaced waits in the queue: another carrier may take it
      }
      return;
    }
    lock.lock();
    try {
      if (!fiber.endWait(park)) {
        return;
      }
      addShared(fiber);
    } finally {
      lock.unlock();
    }
    wakeIdleIfNeeded();
  }

  /** Caller holds the lock. */
  private void addShared(Fiber<?> fiber) {
    shared.addLast(fiber);
    sharedSize = shared.size();
  }

  void fiberFinished(Fiber<?> fiber) {
    // The fiber's done flag was written before; a waiter counts itself before it reads that flag.
    if (waiters > 0) {
      lock.lock();
      try {
        progress.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** For a running fiber's checks: is another fiber, or a due timer, waiting for a carrier? */
  boolean hasOtherRunnable(long now) {
    Carrier here = carrierHere();
    return (here != null && here.queue.size() > 0)
        || sharedSize > 0
        || (anyTimer && earliestDeadline - now <= 0);
  }

  // ---- waking and parking carriers ----

  /**
   * Work was just published: wakes an idle carrier if no carrier is looking for work. See the class
   * comment for why this, with {@link #park}'s last look, loses no wake-up.
   */
  private void wakeIdleIfNeeded() {
    Run r = run;
    if (r == null || r.idleCount == 0 || r.spinning.get() != 0) {
      return;
    }
    lock.lock();
    try {
      if (run == r && r.spinning.get() == 0) {
        wakeOneLocked(r);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Takes one carrier off the idle list, counts it as spinning, and unparks it. Holds the lock. */
  private void wakeOneLocked(Run r) {
    Carrier c = r.idle.poll();
    if (c != null) {
      r.idleCount = r.idle.size();
      c.spinningNow = true;
      r.spinning.incrementAndGet();
      c.wakeUp = true;
      LockSupport.unpark(c);
    }
  }

  private static void startSpinning(Carrier me) {
    if (!me.spinningNow) {
      me.spinningNow = true;
      me.run.spinning.incrementAndGet();
    }
  }

  /** The carrier found work: it stops spinning, and the last spinner hands the search on. */
  private void stopSpinning(Carrier me) {
    if (me.spinningNow) {
      me.spinningNow = false;
      if (me.run.spinning.decrementAndGet() == 0) {
        wakeIdleIfNeeded();
      }
    }
  }

  /**
   * Nothing found anywhere: registers as idle, looks once more, parks until woken, the next timer
   * is due or the run ends. If it makes every carrier idle it decides, instead, whether the run is
   * over. Returns with the carrier off the idle list.
   */
  private void park(Carrier me) {
    Run r = me.run;
    boolean timed;
    long deadline = 0;
    lock.lock();
    try {
      if (run != r || sharedSize > 0) {
        return;
      }
      me.wakeUp = false;
      r.idle.push(me);
      r.idleCount = r.idle.size();
      if (me.spinningNow) { // in this section: a waker may set it again once the lock is released
        me.spinningNow = false;
        r.spinning.decrementAndGet();
      }
      if (r.idleCount == threads && endIfNothingCanHappen(r)) {
        return;
      }
      timed = !timers.isEmpty();
      if (timed) {
        deadline = timers.peek().deadline;
      }
    } finally {
      lock.unlock();
    }
    if (!anyWorkVisible(r)) {
      while (!me.wakeUp && run == r) {
        if (!timed) {
          LockSupport.park(this);
        } else {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          LockSupport.parkNanos(this, left);
        }
        Thread.interrupted(); // a carrier ignores interrupts (a set flag would end every park)
      }
    }
    lock.lock();
    try {
      if (r.idle.remove(me)) { // not woken by another thread: it looks for work on its own
        r.idleCount = r.idle.size();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The last look before parking, after the carrier stopped spinning: anything to do? */
  private boolean anyWorkVisible(Run r) {
    if (sharedSize > 0 || (!inbox.isEmpty() && !tasksRunning.get())) {
      return true;
    }
    for (Carrier c : r.carriers) {
      if (c.queue.size() > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every carrier is idle: ends the run, as finished or deadlocked, if nothing can make work any
   * more, and returns whether it did. Holds the lock; everything that could make work (a queued
   * fiber, a task, a timer, an outside wait) is visible under it, so the view is consistent.
   */
  private boolean endIfNothingCanHappen(Run r) {
    dropDeadTimers();
    if (!timers.isEmpty() || scheduler.waitsForOutside() || anyWorkVisible(r) || !inbox.isEmpty()) {
      return false;
    }
    List<Fiber<?>> left = liveFibers(r);
    endRun(left.isEmpty() ? null : Scheduler.deadlock(left));
    return true;
  }

  /** The fibers spawned and not ended, by id. Holds the lock. */
  private List<Fiber<?>> liveFibers(Run r) {
    List<Fiber<?>> out = new ArrayList<>();
    for (Fiber<?> f : spawnedElsewhere) {
      if (!f.isDone()) {
        out.add(f);
      }
    }
    if (r != null) {
      for (Carrier c : r.carriers) {
        c.queue.addLiveTo(out);
      }
    }
    out.sort(Comparator.comparingLong(Fiber::id));
    return out;
  }

  // ---- timers ----

  Scheduler.Timer wakeAt(Fiber<?> fiber, long park, long deadline) {
    lock.lock();
    try {
      Scheduler.Timer timer = new Scheduler.Timer(deadline, timerSequence++, fiber, park);
      timers.add(timer);
      if (timers.peek() == timer) {
        noteEarliest();
        Run r = run;
        if (r != null && !r.idle.isEmpty()) {
          wakeOneLocked(r); // an idle carrier may be waiting for a later timer
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

  private boolean timerDue() {
    return anyTimer && earliestDeadline - System.nanoTime() <= 0;
  }

  /**
   * Wakes the fibers whose timers are due onto the head of {@code me}'s queue, in deadline order,
   * so that a sleeper is late by at most the rest of the slice running when it became due.
   */
  private void fireDueTimers(Carrier me) {
    List<Fiber<?>> woken = null;
    lock.lock();
    try {
      if (run != me.run) {
        return;
      }
      long now = System.nanoTime();
      while (!timers.isEmpty() && timers.peek().deadline - now <= 0) {
        Scheduler.Timer due = timers.poll();
        if (due.cancelled) {
          deadTimers--;
        } else if (due.fiber.endWait(due.park)) {
          if (woken == null) {
            woken = new ArrayList<>();
          }
          woken.add(due.fiber);
        }
      }
      noteEarliest();
    } finally {
      lock.unlock();
    }
    if (woken != null) {
      me.queue.addFirst(woken); // this carrier is not idle: no deciding carrier can miss them
      wakeIdleIfNeeded();
    }
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
    wakeIdleIfNeeded();
  }

  /**
   * Something changed that an idle carrier must look at, though no work was made (a hold closed):
   * wakes one even if another spins, so that the end of the run is decided again.
   */
  void poke() {
    lock.lock();
    try {
      Run r = run;
      if (r != null) {
        wakeOneLocked(r);
      }
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
    Run mine;
    lock.lock();
    try {
      long number = startIfIdle();
      mine = run;
      while (runNumber == number && run != null) {
        progress.awaitUninterruptibly();
      }
      if (endedBy != null) {
        throw ended();
      }
    } finally {
      lock.unlock();
    }
    joinAll(mine.carriers);
  }

  /**
   * A plain {@link Fiber#join()}: waits until {@code fiber} ends, starting carriers if the
   * scheduler is idle; if {@code timed}, at most until {@code deadline} ({@link System#nanoTime()}).
   * Returns whether the fiber ended.
   */
  boolean await(Fiber<?> fiber, boolean timed, long deadline) {
    boolean interrupted = false;
    lock.lock();
    waiters++; // before the done flag is read: see fiberFinished
    try {
      while (!fiber.isDone()) {
        if (run == null) {
          if (!spawnedElsewhere.contains(fiber)) { // between runs every live fiber is there
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
        if (!fiber.isDone() && run == null && endedBy != null) {
          throw ended();
        }
      }
      return fiber.isDone();
    } finally {
      waiters--;
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
    if (run == null) {
      ++runNumber;
      Run r = new Run(threads);
      for (int i = 0; i < threads; i++) {
        r.carriers[i] = new Carrier(this, r, i + 1);
      }
      run = r;
      for (Carrier c : r.carriers) {
        c.start();
      }
    }
    return runNumber;
  }

  /** The run ends: carriers exit, waiters return. Caller holds the lock. */
  private void endRun(RuntimeException why) {
    Run r = run;
    endedBy = why;
    run = null;
    for (Carrier c : r.carriers) {
      slicesOfEndedRuns += c.slices;
      c.queue.addLiveTo(spawnedElsewhere); // after a deadlock, for dumps
      LockSupport.unpark(c);
    }
    spawnedElsewhere.removeIf(Fiber::isDone);
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

  private void carry(Carrier me) {
    Scheduler.enterCarrier(scheduler);
    try {
      Fiber<?> next;
      while ((next = findWork(me)) != null) {
        runSlice(me, next);
      }
    } catch (RuntimeException | Error bug) {
      lock.lock();
      try {
        if (run == me.run) {
          endRun(new IllegalStateException("a carrier thread of " + scheduler + " failed", bug));
        }
      } finally {
        lock.unlock();
      }
      throw bug;
    } finally {
      Scheduler.leaveCarrier();
    }
  }

  /** The next fiber for {@code me}, after tasks and due timers; null once the run has ended. */
  private Fiber<?> findWork(Carrier me) {
    while (run == me.run) {
      if (!inbox.isEmpty() && tasksRunning.compareAndSet(false, true)) {
        stopSpinning(me);
        runTasks();
        continue;
      }
      if (timerDue()) {
        fireDueTimers(me);
      }
      Fiber<?> next = null;
      if (++me.ticks % SHARED_FIRST_EVERY == 0 && sharedSize > 0) {
        next = takeShared(me);
      }
      if (next == null) {
        next = me.queue.poll(me.chain);
      }
      if (next == null && sharedSize > 0) {
        next = takeShared(me);
      }
      if (next == null) {
        next = stealOrPark(me);
      }
      if (next != null) {
        stopSpinning(me);
        return next;
      }
    }
    return null;
  }

  /**
   * Takes the shared queue's head; null if it is empty or the run is over. One at a time, unlike
   * Go's batches: the shared queue carries preempted fibers and work from other threads, a few per
   * slice, and a batch would put fibers that could run at once on two idle carriers (two
   * spinners, say) in one carrier's queue.
   */
  private Fiber<?> takeShared(Carrier me) {
    lock.lock();
    try {
      Fiber<?> first = run == me.run ? shared.pollFirst() : null;
      sharedSize = shared.size();
      return first;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Spins: a few rounds of stealing half of another carrier's queue (or taking from the shared
   * queue), then parks. Returns a fiber, or null when the caller should look again (woken, a task
   * or a timer came, or the run ended).
   */
  private Fiber<?> stealOrPark(Carrier me) {
    startSpinning(me);
    Carrier[] all = me.run.carriers;
    for (int round = 0; round < STEAL_ROUNDS; round++) {
      int start = ThreadLocalRandom.current().nextInt(all.length);
      for (int i = 0; i < all.length; i++) {
        Carrier victim = all[(start + i) % all.length];
        if (victim != me && victim.queue.size() > 0 && victim.queue.stealHalfInto(me.moving) > 0) {
          Fiber<?> first = me.moving.pollFirst();
          if (!me.moving.isEmpty()) {
            me.queue.addAll(me.moving);
          }
          return first;
        }
      }
      if (sharedSize > 0 || timerDue() || (!inbox.isEmpty() && !tasksRunning.get())) {
        return null; // findWork takes it, still spinning
      }
      Thread.onSpinWait();
    }
    park(me);
    return null;
  }

  /** Runs one slice of {@code fiber}, then parks, requeues or drops it. */
  private void runSlice(Carrier me, Fiber<?> fiber) {
    me.countSlice();
    fiber.markOnCarrier();
    fiber.parked = false; // set again if it parks in this slice; its last wait has ended
    me.current = fiber;
    boolean finished;
    try {
      finished = fiber.runSlice(sliceNanos);
    } finally {
      me.current = null;
    }
    if (finished) {
      return;
    }
    if (fiber.parked) {
      if (!fiber.settleParked() && me.queue.putNext(fiber)) { // woken while it finished its slice
        wakeIdleIfNeeded();
      }
      return;
    }
    fiber.markQueued(); // preempted or yielded: behind every fiber waiting on any carrier
    lock.lock();
    try {
      addShared(fiber);
    } finally {
      lock.unlock();
    }
    wakeIdleIfNeeded();
  }

  /** Runs the tasks other threads handed over, one carrier at a time, in order. */
  private void runTasks() {
    try {
      Scheduler.runTasks(inbox);
    } finally {
      tasksRunning.set(false);
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

  /** A snapshot: the scheduler's line, then every live fiber, by id. */
  String dump() {
    lock.lock();
    try {
      List<Fiber<?>> fibers = liveFibers(run);
      long liveTimers = timers.stream().filter(t -> !isDead(t)).count();
      long slices = slicesOfEndedRuns;
      Run r = run;
      if (r != null) {
        for (Carrier c : r.carriers) {
          slices += c.slices;
        }
      }
      return Scheduler.describe(scheduler.toString(), fibers, slices, liveTimers);
    } finally {
      lock.unlock();
    }
  }

  /** The number of fibers queued to run, on any carrier or in the shared queue. */
  int runnableCount() {
    int n = sharedSize;
    Run r = run;
    if (r != null) {
      for (Carrier c : r.carriers) {
        n += c.queue.size();
      }
    }
    return n;
  }

  /** Whether a run is going on (carriers started and not stopped). */
  boolean isRunning() {
    return run != null;
  }
}
