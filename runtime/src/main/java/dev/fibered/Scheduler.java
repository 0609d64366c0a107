package dev.fibered;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs fibers one time slice at a time, round robin: the compile-time counterpart of
 * greenlet_fiber's {@code schedule()} loop.
 *
 * <p>A fiber keeps its thread until it completes or reaches a switch point while its slice is
 * spent (or calls {@link Fiber#yieldNow()}); it then goes to the back of the run queue. The
 * processor puts a switch point at the entry of every {@code @Fibered} method and on every loop
 * back-edge, so a fiber that never yields by hand is still preempted after about one slice.
 *
 * <p>Two kinds, chosen by the {@link Builder}:
 *
 * <ul>
 *   <li><b>Single-threaded</b> (the default, also {@code threads(1)} and {@code deterministic}):
 *       fibers run on the thread that calls {@link #run()} (or drives it through a {@link
 *       Fiber#join()}). The scheduler is confined to that thread: {@link #spawn} may be called
 *       from any thread while it is idle and from its fibers while it runs; from another thread
 *       while it runs it throws rather than lose the fiber. {@link #execute}, {@link
 *       Fiber#cancel()} and {@link Fiber#throwInto} are the thread-safe ways in.
 *   <li><b>Multi-threaded</b> ({@link Builder#threads threads(n)}, n &gt; 1): n daemon carrier
 *       threads ({@code fibered-carrier-1}, ...), each with a run queue of its own, stealing from
 *       each other when they run out; preempted fibers go round a queue shared by all, so a fiber
 *       may run each slice on another carrier. Thread-safe: {@link #spawn}, {@link #execute},
 *       {@link #dump()}, {@link Fiber#cancel()} and the primitives ({@link Channel}, {@link Lock},
 *       {@link Semaphore}, {@link Event}, {@link Pool}) may be used from any thread at any time.
 * </ul>
 *
 * <p>{@link #run()} blocks the calling thread until every fiber is done (or a deadlock leaves none
 * able to go on). A multi-threaded scheduler starts its carriers for the run and stops them before
 * {@code run()} returns; it keeps no thread while idle, so it needs no shutdown.
 */
public final class Scheduler {
  private static final ThreadLocal<Scheduler> RUNNING_HERE = new ThreadLocal<>();

  /**
   * How far a deterministic scheduler's virtual clock moves each time a fiber takes a turn, so
   * that a fiber polling for a sleeper's work sees the sleeper wake, as it would in real time.
   */
  private static final long VIRTUAL_NANOS_PER_TURN = 1_000;

  private final long sliceNanos;

  /** The multi-threaded engine, or null for a single-threaded scheduler. */
  private final Carriers carriers;

  /** The ticker under {@link Preemption#TICKER}, or null under counting preemption. */
  private final Ticker ticker;

  private final ArrayDeque<Fiber<?>> runQueue = new ArrayDeque<>();
  private final Object lock = new Object();

  /** The thread inside {@link #run()}, or null while idle. Guarded by {@link #lock}. */
  private Thread runner;

  /** Threads blocked in {@link Fiber#join()} while another thread runs this scheduler. */
  private volatile int joiners;

  private Fiber<?> current;

  /**
   * Fibers waiting to be woken ({@link Fiber#sleep}, {@link Fiber#join()} from a fiber, a {@link
   * Channel}); they are in no queue until {@link #wake} puts them back. Only the running thread.
   */
  private final Set<Fiber<?>> parked = new LinkedHashSet<>();

  /** Wake-ups due at a time, earliest first. Only the running thread. */
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();

  private long timerSequence;

  /** The runner's interrupt status, cleared while it waited for a timer; restored when it stops. */
  private boolean interruptedWhileWaiting;

  /** Set when {@link #run()} found a deadlock: the waiting fibers can never go on. */
  private volatile String deadlocked;

  /** Tasks from any thread, run by the runner between slices. */
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();

  /** The thread inside the scheduling loop, to unpark when a task arrives; null while idle. */
  private volatile Thread runnerThread;

  /** Open {@link #hold()}s: other threads will still hand over work. */
  private final java.util.concurrent.atomic.AtomicInteger holds =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Timers marked dead by {@link #cancelTimer} and not yet removed. */
  private int deadTimers;

  /** Fibers waiting for something outside the scheduler (a future). */
  private final java.util.concurrent.atomic.AtomicInteger externalWaits =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Set by a generator's emit: the loop returns after the current slice. */
  private boolean pauseRequested;

  /** Slices run so far, for {@link #dump()}. Only the running thread. */
  private long slicesRun;

  /** A fiber to wake at {@code deadline} ({@link #nanoTime()}); ties in the order they were set. */
  static final class Timer implements Comparable<Timer> {
    final long deadline;
    final long sequence;
    final Fiber<?> fiber;

    /** Which wait of the fiber this timer ends; a timer of an earlier wait wakes nothing. */
    final long park;

    /** Set when the wait ended otherwise (served): the timer is dead, removed lazily. */
    boolean cancelled;

    Timer(long deadline, long sequence, Fiber<?> fiber, long park) {
      this.deadline = deadline;
      this.sequence = sequence;
      this.fiber = fiber;
      this.park = park;
    }

    @Override
    public int compareTo(Timer other) {
      int byTime = Long.compare(deadline - other.deadline, 0); // nanoTime may wrap
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  /**
   * For a deterministic scheduler, the source of every scheduling choice; null for a real-time
   * one. See {@link Builder#deterministic}.
   */
  private final SplittableRandom choices;

  private final long seed;

  private final Fiber.UncaughtExceptionHandler uncaught;

  /** A deterministic scheduler's clock: starts at 0, moves only when every fiber waits. */
  private long virtualNanos;

  private Scheduler(Builder builder) {
    Duration slice = builder.timeSlice;
    this.sliceNanos = Fiber.saturatedNanos(slice);
    this.seed = builder.seed;
    this.uncaught = builder.uncaught;
    this.choices = builder.deterministic ? new SplittableRandom(builder.seed) : null;
    this.carriers = builder.threads > 1 ? new Carriers(this, builder.threads, sliceNanos) : null;
    this.ticker =
        builder.preemption == Preemption.TICKER ? new Ticker(builder.threads, sliceNanos) : null;
  }

  /**
   * Returns a scheduler with the default settings.
   *
   * @return a scheduler with a 10 ms time slice
   */
  public static Scheduler create() {
    return builder().build();
  }

  /**
   * Returns a builder for a scheduler with non-default settings.
   *
   * @return a builder with the default settings
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the scheduler running on the current thread, so that a fiber can spawn others beside
   * itself.
   *
   * @return the scheduler whose fiber is running on this thread, or null outside a fiber
   */
  public static Scheduler current() {
    return RUNNING_HERE.get();
  }

  /**
   * Returns this scheduler's time slice.
   *
   * @return how long a fiber runs before a check lets another fiber run
   */
  public Duration timeSlice() {
    return Duration.ofNanos(sliceNanos);
  }

  /**
   * Returns how this scheduler's fibers learn that their time slice is spent.
   *
   * @return the preemption mode it was built with
   */
  public Preemption preemption() {
    return ticker != null ? Preemption.TICKER : Preemption.COUNTING;
  }

  /**
   * Registers an unstarted fiber to run on this scheduler. It runs once {@link #run()} is called
   * (or, if this is called from one of this scheduler's fibers, after the fibers already queued).
   *
   * @param <T> the fiber's result type
   * @param fiber an unstarted fiber from a generated factory
   * @return the same fiber, for chaining
   * @throws IllegalStateException if the fiber was already spawned, or if this single-threaded
   *     scheduler is running on another thread (a multi-threaded one takes spawns from any thread)
   */
  public <T> Fiber<T> spawn(Fiber<T> fiber) {
    Objects.requireNonNull(fiber, "fiber");
    if (carriers != null) {
      fiber.spawnedOn(this);
      Fiber<?> spawner = currentFiber();
      if (spawner != null) {
        fiber.inheritFrom(spawner);
      }
      carriers.spawn(fiber);
      return fiber;
    }
    synchronized (lock) {
      if (runner != null && runner != Thread.currentThread()) {
        throw new IllegalStateException(
            "this scheduler is running on thread "
                + runner.getName()
                + "; spawn from that thread (or from its fibers), or before run()");
      }
      fiber.spawnedOn(this);
      Fiber<?> spawner = currentFiber();
      if (spawner != null) {
        fiber.inheritFrom(spawner);
      }
      runQueue.addLast(fiber);
    }
    return fiber;
  }

  /**
   * Runs fibers until none is left: every spawned fiber, and every fiber they spawn, is done when
   * this returns. A fiber's exception does not stop the others; it is kept for its {@link
   * Fiber#result()}. While every fiber left waits for a timer, the thread waits with them.
   *
   * <p>A single-threaded scheduler runs the fibers on the calling thread. A multi-threaded one
   * starts its carrier threads (unless a {@link Fiber#join()} from plain code already did), blocks
   * the calling thread until the run ends, and returns once every carrier has stopped; several
   * threads may wait in {@code run()} at once.
   *
   * @throws IllegalStateException if this single-threaded scheduler is already running, on this
   *     thread or another; if called from one of this scheduler's fibers, or from a thread that
   *     runs another scheduler; or, with a message that starts {@code deadlock:}, when every fiber
   *     left waits for something no fiber will do (the scheduler cannot be used after that)
   */
  public void run() {
    if (carriers == null) {
      drive(null);
      return;
    }
    if (carriers.isCarrierHere()) {
      throw new IllegalStateException("Scheduler.run() called from inside one of its own fibers");
    }
    if (RUNNING_HERE.get() != null) {
      throw new IllegalStateException(
          "this thread is already running another scheduler; run schedulers on separate threads");
    }
    carriers.run();
  }

  @Override
  public String toString() {
    if (choices != null) {
      return "Scheduler[deterministic, seed=" + seed + "]";
    }
    String mode = ticker != null ? ", ticker" : "";
    return carriers != null
        ? "Scheduler[slice=" + timeSlice() + ", threads=" + carriers.threads() + mode + "]"
        : "Scheduler[slice=" + timeSlice() + mode + "]";
  }

  // ---- package-private ----

  static Fiber<?> currentFiber() {
    Scheduler s = RUNNING_HERE.get();
    if (s == null) {
      return null;
    }
    if (s.carriers != null) {
      Thread t = Thread.currentThread();
      return t instanceof Carriers.Carrier ? ((Carriers.Carrier) t).current : null;
    }
    return s.current;
  }

  /** A carrier thread of {@code scheduler} starts: {@link #current()} is that scheduler there. */
  static void enterCarrier(Scheduler scheduler) {
    RUNNING_HERE.set(scheduler);
  }

  static void leaveCarrier() {
    RUNNING_HERE.remove();
  }

  /** Under {@link Preemption#TICKER}, the ticker slot of the calling thread; else null. */
  Ticker.Slot tickerSlotHere() {
    if (ticker == null) {
      return null;
    }
    Thread t = Thread.currentThread();
    boolean mine = t instanceof Carriers.Carrier && ((Carriers.Carrier) t).owner == carriers;
    return ticker.slot(mine ? ((Carriers.Carrier) t).number : 0);
  }

  Ticker ticker() {
    return ticker;
  }

  /** Whether this scheduler runs its fibers on carrier threads. */
  boolean isMultiThreaded() {
    return carriers != null;
  }

  /**
   * Runs {@code task} on this scheduler's thread, between two slices, as soon as it can (gruvi's
   * {@code run_callback}). Safe to call from any thread: this is how other threads hand work or
   * results to fibers. The task is plain code; it may spawn fibers, send on channels with {@code
   * trySend}, set events and so on. If the scheduler is idle, the task waits for the next {@link
   * #run()} or {@code join()} that drives it.
   *
   * <p>An exception from the task goes to the running thread's uncaught exception handler; the
   * scheduler goes on.
   *
   * <p>On a multi-threaded scheduler the task runs on one of the carriers, between two of its
   * slices, while other carriers go on running fibers; tasks run one at a time, in the order they
   * were handed over.
   *
   * @param task the task
   */
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    if (carriers != null) {
      carriers.execute(task);
      return;
    }
    inbox.add(task);
    Thread runner = runnerThread;
    if (runner != null) {
      LockSupport.unpark(runner);
    }
  }

  /** A fiber starts waiting for an outside event: while any does, an idle loop is no deadlock. */
  void externalWaitBegins() {
    externalWaits.incrementAndGet();
  }

  void externalWaitEnds() {
    externalWaits.decrementAndGet();
  }

  /** Whether fibers wait for futures, or other threads hold the scheduler open: no deadlock. */
  boolean waitsForOutside() {
    return externalWaits.get() > 0 || holds.get() > 0;
  }

  /**
   * Describes every fiber of this scheduler that has not ended: its state, its counters (run time,
   * slices, preemptions, yields, waits) and the {@code @Fibered} methods it is in, with the source
   * line where each waits, like a thread dump. The running fiber's frames are those of its last
   * switch.
   *
   * <p>A multi-threaded scheduler may be dumped from any thread at any time: the description is a
   * snapshot taken under its lock, and fibers running on a carrier show no frames.
   *
   * @return a multi-line description, the scheduler's own line first
   * @throws IllegalStateException if called from another thread while this single-threaded
   *     scheduler runs (its queues belong to the running thread)
   */
  public String dump() {
    if (carriers != null) {
      return carriers.dump();
    }
    synchronized (lock) { // held throughout: no other thread can start running the scheduler
      if (runner != null && runner != Thread.currentThread()) {
        throw new IllegalStateException(
            "dump() while this scheduler runs on thread "
                + runner.getName()
                + ": call it from that thread (a fiber or a plain method it calls), or when idle");
      }
      return describeFibers();
    }
  }

  private String describeFibers() {
    java.util.List<Fiber<?>> live = new java.util.ArrayList<>();
    if (current != null) {
      live.add(current);
    }
    live.addAll(runQueue);
    live.addAll(parked);
    return describe(toString(), live, slicesRun, liveTimers());
  }

  /** A dump: the scheduler's line, then each fiber with its frames (none while on a carrier). */
  static String describe(String scheduler, java.util.List<Fiber<?>> live, long slices, long timers) {
    StringBuilder out =
        new StringBuilder(scheduler)
            .append(": ")
            .append(live.size())
            .append(live.size() == 1 ? " live fiber, " : " live fibers, ")
            .append(slices)
            .append(" slices run, ")
            .append(timers)
            .append(timers == 1 ? " timer" : " timers");
    for (Fiber<?> f : live) {
      out.append("\n  ").append(f.describe());
      if (f.scheduler().isMultiThreaded() && f.isOnCarrier()) {
        continue; // its machines are changing on another thread
      }
      for (StackTraceElement frame : f.stackTrace()) {
        out.append("\n      at ").append(frame);
      }
    }
    return out.toString();
  }

  /** A fiber of this scheduler ended with {@code failure}: tell the handler, if there is one. */
  void fiberFailed(Fiber<?> fiber, Throwable failure) {
    if (uncaught == null) {
      return;
    }
    try {
      uncaught.uncaughtException(fiber, failure);
    } catch (Throwable handlerFailure) {
      if (handlerFailure != failure) {
        failure.addSuppressed(handlerFailure);
      }
    }
  }

  private long liveTimers() {
    return timers.stream().filter(t -> !isDead(t)).count();
  }

  /** Whether {@code fiber} is the one on this scheduler's thread now. */
  boolean isRunningNow(Fiber<?> fiber) {
    return carriers != null ? fiber.isOnCarrier() : current == fiber;
  }

  /**
   * Returns this scheduler's clock, in the units of {@link System#nanoTime()} (only differences
   * mean anything): the real one, or a {@linkplain Builder#deterministic deterministic} scheduler's
   * virtual time, which starts at 0 and jumps over sleeps (a one-hour {@link Fiber#sleep} moves it
   * by one hour at once). Fiber code reads it with {@link Fiber#nanoTime()}.
   *
   * <p>The virtual clock belongs to the thread that runs the scheduler: read it there (from its
   * fibers) or while the scheduler is idle.
   *
   * @return the current time in nanoseconds
   */
  public long nanoTime() {
    return choices != null ? virtualNanos : System.nanoTime();
  }

  /**
   * Returns this scheduler's clock as a {@link java.time.Clock} (UTC), for code that takes one: the
   * system clock, or for a {@linkplain Builder#deterministic deterministic} scheduler its virtual
   * time counted from the epoch ({@code 1970-01-01T00:00:00Z} at virtual time 0), so that dates
   * and timeouts computed from it replay with the seed. Read it as {@link #nanoTime()}.
   *
   * @return the clock
   */
  public java.time.Clock clock() {
    if (choices == null) {
      return java.time.Clock.systemUTC();
    }
    return new VirtualClock(this);
  }

  /** A deterministic scheduler's virtual time as a {@link java.time.Clock}. */
  private static final class VirtualClock extends java.time.Clock {
    private final Scheduler scheduler;

    VirtualClock(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return java.time.Clock.offset(this, Duration.ZERO).withZone(zone);
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.EPOCH.plusNanos(scheduler.nanoTime());
    }
  }

  /** Whether switch decisions come from the seed instead of the clock. */
  boolean isDeterministic() {
    return choices != null;
  }

  /**
   * A deterministic scheduler's decision at a switch point: switch (one time in four) if another
   * fiber can run. The same seed makes the same decisions in the same order.
   */
  boolean chooseToSwitch() {
    return hasOtherRunnable(virtualNanos) && choices.nextInt(4) == 0;
  }

  /**
   * Takes the running fiber off the run queue when its machine returns SUSPEND; it runs again once
   * {@link #wake} is called for it. Only on the running thread, from the fiber itself.
   */
  long park(Fiber<?> fiber) {
    if (RUNNING_HERE.get() != this) {
      throw new IllegalStateException("a fiber can only wait on the thread that runs its scheduler");
    }
    fiber.parked = true;
    long park = ++fiber.parks;
    if (carriers != null) {
      fiber.beginWait(park);
    }
    return park;
  }

  /** Parks the fiber and wakes it at {@code deadline}, in {@link #nanoTime()} units. */
  long parkUntil(Fiber<?> fiber, long deadline) {
    long park = park(fiber);
    wakeAt(fiber, park, deadline);
    return park;
  }

  /** Cancels every fiber still queued or waiting, and lets them end: for a closing generator. */
  void cancelAll() {
    java.util.List<Fiber<?>> live = new java.util.ArrayList<>(runQueue);
    live.addAll(parked);
    for (Fiber<?> f : live) {
      f.cancel();
    }
  }

  /** Ends wait number {@code park} of {@code fiber} at {@code deadline}, if it still waits then. */
  Timer wakeAt(Fiber<?> fiber, long park, long deadline) {
    if (carriers != null) {
      return carriers.wakeAt(fiber, park, deadline);
    }
    Timer timer = new Timer(deadline, timerSequence++, fiber, park);
    timers.add(timer);
    return timer;
  }

  /**
   * The wait a timer would end was served first: the timer is dead. Dead timers are dropped when
   * they reach the head, or all at once when they are more than half of the heap, so many served
   * timed waits do not pile up.
   */
  void cancelTimer(Timer timer) {
    if (timer != null && carriers != null) {
      carriers.cancelTimer(timer);
    } else if (timer != null && !timer.cancelled) {
      timer.cancelled = true;
      if (++deadTimers * 2 > timers.size()) {
        timers.removeIf(t -> t.cancelled);
        deadTimers = 0;
      }
    }
  }

  private static boolean isDead(Timer timer) {
    return timer.cancelled || !timer.fiber.parked || timer.fiber.parks != timer.park;
  }

  /**
   * Keeps {@link #run()} from taking waiting fibers for a deadlock while the hold is open: for
   * fibers that wait for what other threads will hand over with {@link #execute} (an event they
   * set, a value they send). Thread-safe; close the hold when no more tasks will come.
   *
   * @return an open hold
   */
  public Hold hold() {
    holds.incrementAndGet();
    return new Hold(this);
  }

  /** An open {@link #hold()}; closing it (once) lets an idle scheduler with waiting fibers end. */
  public static final class Hold implements AutoCloseable {
    private final Scheduler scheduler;
    private final java.util.concurrent.atomic.AtomicBoolean open =
        new java.util.concurrent.atomic.AtomicBoolean(true);

    private Hold(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    /** Releases the hold; closing it again does nothing. */
    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        scheduler.holds.decrementAndGet();
        if (scheduler.carriers != null) {
          scheduler.carriers.poke(); // an idle carrier looks again: the run may be over
        }
        Thread runner = scheduler.runnerThread;
        if (runner != null) {
          LockSupport.unpark(runner);
        }
      }
    }
  }

  /** A deadline {@code nanos} from now, or about 146 years away for a longer one. */
  long deadlineIn(long nanos) {
    long now = nanoTime();
    long deadline = now + nanos;
    return deadline - now >= 0 ? deadline : now + Long.MAX_VALUE / 2;
  }

  /**
   * Puts {@code fiber} back on the run queue if it is still in wait number {@code park}: a waker
   * that was too late (the fiber timed out, was cancelled, or waits for something else now) wakes
   * nothing. On the running thread, or from any thread while the scheduler is idle (plain code
   * between runs, like {@link #spawn}); from any thread at any time if multi-threaded.
   *
   * @throws IllegalStateException if another thread runs the scheduler; see {@link #checkCanWake}
   */
  void wake(Fiber<?> fiber, long park) {
    if (carriers != null) {
      carriers.wake(fiber, park);
      return;
    }
    if (RUNNING_HERE.get() == this) {
      if (fiber.parks == park) {
        wakeHere(fiber);
      }
      return;
    }
    synchronized (lock) {
      checkCanWake();
      if (fiber.parks == park) {
        wakeHere(fiber);
      }
    }
  }

  /**
   * Ends whatever wait {@code fiber} is in, so that it raises its cancellation (or exception); from
   * any thread. While another thread runs this single-threaded scheduler, the wake-up goes to that
   * thread as a task ({@link #execute}), since only it may touch the queues.
   */
  void wakeToRaise(Fiber<?> fiber) {
    if (carriers != null) {
      carriers.wake(fiber, -1); // whichever wait it is in now, even one it is still entering
      return;
    }
    if (RUNNING_HERE.get() != this) {
      synchronized (lock) { // no thread can start running the scheduler meanwhile
        if (runner == null) {
          wakeHere(fiber); // idle: as from its own thread
        } else {
          execute(() -> wake(fiber, fiber.parks)); // whichever wait it is in then
        }
      }
      return;
    }
    wake(fiber, fiber.parks);
  }

  private void wakeHere(Fiber<?> fiber) {
    if (fiber.parked) {
      unpark(fiber);
      runQueue.addLast(fiber);
    }
  }

  /** Takes a parked fiber off the parked set; the caller queues it. */
  private void unpark(Fiber<?> fiber) {
    fiber.parked = false;
    parked.remove(fiber);
  }

  /**
   * Throws unless {@link #wake} would work from this thread now. A channel calls this before it
   * changes anything, so that a refused wake never leaves a value or a waiter behind.
   *
   * @throws IllegalStateException if another thread runs this scheduler
   */
  void checkCanWake() {
    if (carriers != null || RUNNING_HERE.get() == this) {
      return;
    }
    synchronized (lock) {
      if (runner != null) {
        throw new IllegalStateException(
            "this scheduler is running on thread "
                + runner.getName()
                + ": its fibers can only be woken from that thread (a Channel serves the fibers"
                + " of one scheduler), or while it is idle");
      }
    }
  }

  /**
   * Called by the running fiber's checks: is there anyone to switch to? A sleeper whose time has
   * come counts, so that a busy fiber cannot keep it asleep.
   */
  boolean hasOtherRunnable(long now) {
    if (carriers != null) {
      return carriers.hasOtherRunnable(now);
    }
    if (!runQueue.isEmpty()) {
      return true;
    }
    dropStaleTimers();
    return !timers.isEmpty() && timers.peek().deadline - now <= 0;
  }

  /**
   * The number of fibers waiting to run, not counting the one running now. Only for the thread
   * that runs the scheduler, or while it is idle: the run queue belongs to the running thread.
   */
  int runnableCount() {
    if (carriers != null) {
      return carriers.runnableCount();
    }
    synchronized (lock) {
      return runQueue.size();
    }
  }

  /**
   * {@link Fiber#join()} from outside the scheduler: drive it here until {@code fiber} is done if
   * no thread runs it, else wait; a waiter whose driver stops early takes over.
   */
  void runOrAwait(Fiber<?> fiber) {
    runOrAwait(fiber, false, 0);
  }

  /**
   * As {@link #runOrAwait(Fiber)}, giving up at {@code deadline} ({@link #nanoTime()} units) if
   * {@code timed}; returns whether the fiber is done.
   */
  boolean runOrAwait(Fiber<?> fiber, boolean timed, long deadline) {
    if (carriers != null) {
      if (carriers.isCarrierHere()) {
        throw new IllegalStateException(
            "join() on "
                + fiber
                + " from plain code on a carrier thread would block the carrier; join it from"
                + " @Fibered code, or from another thread");
      }
      return carriers.await(fiber, timed, deadline);
    }
    Thread me = Thread.currentThread();
    boolean interrupted = false;
    while (!fiber.isDone() && !(timed && nanoTime() - deadline >= 0)) {
      boolean claimed = false;
      synchronized (lock) {
        if (runner == me) {
          throw new IllegalStateException(
              "join() on "
                  + fiber
                  + " from the thread that runs its scheduler would wait forever; join it after"
                  + " run() returns, or from another thread");
        }
        if (runner == null) {
          claim();
          claimed = true;
        } else {
          joiners++;
          try {
            if (!fiber.isDone()) {
              if (timed) {
                long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - nanoTime());
                lock.wait(Math.max(1, millis));
              } else {
                lock.wait();
              }
            }
          } catch (InterruptedException e) {
            interrupted = true;
          } finally {
            joiners--;
          }
        }
      }
      if (claimed) {
        runClaimed(fiber, timed, deadline);
      }
    }
    if (interrupted) {
      me.interrupt();
    }
    return fiber.isDone();
  }

  /** Called by a fiber that just finished: wakes the threads joining it, if any. */
  void fiberFinished(Fiber<?> fiber) {
    if (carriers != null) {
      carriers.fiberFinished(fiber);
      return;
    }
    if (joiners > 0) {
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }

  /** Runs fibers until {@code until} is done, or until none is left if it is null. */
  private void drive(Fiber<?> until) {
    synchronized (lock) {
      claim();
    }
    runClaimed(until, false, 0);
  }

  /**
   * The scheduling loop, on the thread that claimed the scheduler. The run queue is touched
   * without the lock here: other threads only add to it while no thread runs the scheduler.
   */
  private void runClaimed(Fiber<?> until, boolean timed, long deadline) {
    Scheduler outer = RUNNING_HERE.get(); // a generator's scheduler runs inside another's fiber
    RUNNING_HERE.set(this);
    runnerThread = Thread.currentThread();
    try {
      while ((until == null || !until.isDone()) && !(timed && nanoTime() - deadline >= 0)) {
        runSubmittedTasks();
        wakeDueTimers();
        Fiber<?> f = nextFiber();
        if (f == null) {
          dropStaleTimers();
          if (!inbox.isEmpty()) {
            continue;
          }
          if (timers.isEmpty()) {
            if (waitsForOutside()) {
              if (timed) {
                sleepUntil(deadline); // an execute() unparks it earlier
              } else {
                waitForSubmission(); // a fiber awaits a future: its completion arrives as a task
              }
              continue;
            }
            if (timed && until != null) {
              break; // nothing can happen before the deadline: a timed join returns false
            }
            if (!parked.isEmpty()) {
              IllegalStateException deadlock = deadlock(parked);
              deadlocked = deadlock.getMessage();
              throw deadlock;
            }
            if (until != null && !until.isDone()) {
              throw new IllegalStateException(until + " is neither runnable nor waiting: it was lost");
            }
            break;
          }
          long next = timers.peek().deadline;
          sleepUntil(timed && deadline - next < 0 ? deadline : next);
          continue;
        }
        current = f;
        slicesRun++;
        boolean finished = f.runSlice(sliceNanos);
        current = null;
        if (choices != null) {
          virtualNanos += VIRTUAL_NANOS_PER_TURN;
        }
        if (!finished) {
          if (f.parked) {
            parked.add(f);
          } else {
            // A sleeper whose time came during the slice goes before the fiber that used it up:
            // otherwise it waits behind every other spinner too (about one slice more).
            wakeDueTimers();
            runQueue.addLast(f);
          }
        }
        if (pauseRequested) {
          pauseRequested = false;
          break; // a generator emitted: its consumer takes over
        }
      }
    } finally {
      current = null;
      runnerThread = null;
      if (outer != null) {
        RUNNING_HERE.set(outer);
      } else {
        RUNNING_HERE.remove();
      }
      if (interruptedWhileWaiting) {
        interruptedWhileWaiting = false;
        Thread.currentThread().interrupt();
      }
      synchronized (lock) {
        runner = null;
        lock.notifyAll(); // a joiner whose fiber is not done yet takes over
      }
    }
  }

  /** The next fiber to run: the first in line, or for a deterministic scheduler one the seed picks. */
  private Fiber<?> nextFiber() {
    if (choices != null && runQueue.size() > 1) {
      for (int skip = choices.nextInt(runQueue.size()); skip > 0; skip--) {
        runQueue.addLast(runQueue.pollFirst());
      }
    }
    return runQueue.pollFirst();
  }

  private void wakeDueTimers() {
    if (timers.isEmpty()) {
      return;
    }
    long now = nanoTime();
    List<Fiber<?>> woken = null;
    while (!timers.isEmpty() && timers.peek().deadline - now <= 0) {
      Timer due = timers.poll();
      if (due.cancelled) {
        deadTimers--;
      } else if (!isDead(due) && due.fiber.parked) {
        if (woken == null) {
          woken = new ArrayList<>();
        }
        woken.add(due.fiber);
      }
    }
    // A fiber whose sleep ended goes to the head of the queue, in deadline order (Go's runnext):
    // its lateness is then at most the rest of the running slice, not one slice per spinner.
    for (int i = woken == null ? -1 : woken.size() - 1; i >= 0; i--) {
      Fiber<?> fiber = woken.get(i);
      unpark(fiber);
      runQueue.addFirst(fiber);
    }
  }

  /** Timers whose wait already ended (a cancelled sleep) must not keep the thread waiting. */
  private void dropStaleTimers() {
    while (!timers.isEmpty() && isDead(timers.peek())) {
      if (timers.poll().cancelled) {
        deadTimers--;
      }
    }
  }

  /** Nothing can run before {@code deadline}: the thread waits for it. */
  private void sleepUntil(long deadline) {
    if (choices != null) {
      virtualNanos = deadline; // virtual time: nothing else can happen before it
      return;
    }
    long delay = deadline - nanoTime();
    if (delay > 0) {
      LockSupport.parkNanos(this, delay); // a submitted task unparks it early
      if (Thread.interrupted()) {
        interruptedWhileWaiting = true; // else parkNanos returns at once: restored at the end
      }
    }
  }

  /** Nothing to run and no timer: the thread waits for a task from another thread. */
  private void waitForSubmission() {
    if (inbox.isEmpty()) {
      LockSupport.park(this);
      if (Thread.interrupted()) {
        interruptedWhileWaiting = true;
      }
    }
  }

  /** Runs the tasks other threads submitted, in order, on this thread. */
  private void runSubmittedTasks() {
    runTasks(inbox);
  }

  /** Runs {@code inbox}'s tasks in order; a task's exception goes to the thread's handler. */
  static void runTasks(java.util.Queue<Runnable> inbox) {
    Runnable task;
    while ((task = inbox.poll()) != null) {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        Thread me = Thread.currentThread();
        me.getUncaughtExceptionHandler().uncaughtException(me, e); // never silent, never fatal
      }
    }
  }

  /** Every fiber left waits for another (or for a channel no one will use): none can go on. */
  static IllegalStateException deadlock(java.util.Collection<Fiber<?>> parked) {
    StringBuilder message =
        new StringBuilder("deadlock: ")
            .append(parked.size())
            .append(parked.size() == 1 ? " fiber waits" : " fibers wait")
            .append(" for something no running fiber will do:");
    for (Fiber<?> f : parked) {
      message.append("\n  ").append(f);
      for (StackTraceElement frame : f.stackTrace()) {
        message.append("\n    at ").append(frame);
      }
    }
    return new IllegalStateException(message.toString());
  }

  /**
   * Runs this scheduler on the calling thread until the fiber that asked for it pauses ({@link
   * #requestPause}) or none is left: for {@link Generator}, whose scheduler may run inside a fiber
   * of another scheduler on the same thread.
   */
  void runUntilPause() {
    synchronized (lock) {
      claim(true);
    }
    runClaimed(null, false, 0);
  }

  /** Asks the scheduling loop to return once the running fiber's slice ends. */
  void requestPause() {
    pauseRequested = true;
  }

  /** Makes the calling thread the runner. Caller holds {@link #lock}. */
  private void claim() {
    claim(false);
  }

  private void claim(boolean nested) {
    if (deadlocked != null) {
      throw new IllegalStateException(
          "this scheduler deadlocked earlier and its waiting fibers can never go on; use a new"
              + " scheduler. It was: "
              + deadlocked);
    }
    if (runner != null) {
      throw new IllegalStateException(
          runner == Thread.currentThread()
              ? "Scheduler.run() called from inside one of its own fibers"
              : "this scheduler is already running on thread " + runner.getName());
    }
    if (!nested && RUNNING_HERE.get() != null) {
      throw new IllegalStateException(
          "this thread is already running another scheduler; run schedulers on separate threads");
    }
    runner = Thread.currentThread();
  }

  /** Settings for a {@link Scheduler}. Not thread-safe. */
  public static final class Builder {
    private Duration timeSlice = Duration.ofMillis(10);
    private int threads = 1;
    private boolean deterministic;
    private Preemption preemption = Preemption.COUNTING;
    private long seed;
    private Fiber.UncaughtExceptionHandler uncaught;

    private Builder() {}

    /**
     * Sets how long a fiber may run before a check lets another fiber run. Any positive duration is
     * valid; 1 ns means: switch at every check.
     *
     * @param slice a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the slice is zero or negative
     */
    public Builder timeSlice(Duration slice) {
      Objects.requireNonNull(slice, "slice");
      if (slice.isZero() || slice.isNegative()) {
        throw new IllegalArgumentException("time slice must be positive, was " + slice);
      }
      this.timeSlice = slice;
      return this;
    }

    /**
     * Sets how many threads run the fibers. With 1, the default, fibers run on the thread that
     * calls {@link Scheduler#run()} (the single-threaded scheduler). With more, the scheduler
     * runs them on that many daemon carrier threads, named {@code fibered-carrier-1} and so on,
     * started by {@code run()} (or a {@link Fiber#join()} from plain code) and stopped when the run
     * ends; fibers move between carriers from slice to slice, and every primitive becomes
     * thread-safe. More threads than cores gives no more speed, only more contention.
     *
     * @param threads the number of threads, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Builds a scheduler.
     *
     * @return a new scheduler with these settings
     * @throws IllegalArgumentException if both {@link #deterministic} and {@link #threads} with more
     *     than one thread were asked for, or both {@link #deterministic} and {@link
     *     Preemption#TICKER}
     */
    public Scheduler build() {
      if (deterministic && preemption == Preemption.TICKER) {
        throw new IllegalArgumentException(
            "a deterministic scheduler has virtual time, which no ticker thread can follow, but"
                + " preemption(TICKER) was asked for; drop one of deterministic(seed) and"
                + " preemption(Preemption.TICKER)");
      }
      if (deterministic && threads > 1) {
        throw new IllegalArgumentException(
            "a deterministic scheduler runs on one thread (its interleaving comes from the seed),"
                + " but threads("
                + threads
                + ") was asked for; drop one of deterministic(seed) and threads(n)");
      }
      return new Scheduler(this);
    }

    /**
     * Sets how the compiled-in checks learn that a fiber's slice is spent (greenlet_fiber's {@code
     * setpreemptive}): {@link Preemption#COUNTING}, the default, counts checks and reads the clock
     * now and then; {@link Preemption#TICKER} has a ticker thread raise a flag that each check
     * reads, which makes a check cheaper for one more thread while fibers run. Either way a fiber
     * that never yields is preempted after about one slice; see {@link Preemption} for the
     * differences.
     *
     * @param preemption the mode
     * @return this builder
     */
    public Builder preemption(Preemption preemption) {
      this.preemption = Objects.requireNonNull(preemption, "preemption");
      return this;
    }

    /**
     * Sets a handler told about every fiber that ends with an exception, for logging or to fail
     * fast. Without one, a fiber's exception waits in the fiber for {@link Fiber#result()} or
     * {@link Fiber#failure()}.
     *
     * @param handler the handler, called on the scheduler's thread (on a multi-threaded scheduler,
     *     on the carrier where the fiber failed, so possibly on several carriers at once)
     * @return this builder
     */
    public Builder uncaughtExceptionHandler(Fiber.UncaughtExceptionHandler handler) {
      this.uncaught = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Makes the scheduler deterministic, for tests: every scheduling choice (whether to switch at
     * a switch point, which runnable fiber goes next) comes from {@code seed} instead of the clock,
     * and time is virtual, so a run depends only on the seed and the fibers' own code. The same
     * seed gives the same interleaving; different seeds explore different ones.
     *
     * <p>Virtual time starts at 0, moves 1 µs each time a fiber takes a turn, and jumps to the
     * next wake-up once every fiber waits: a fiber that sleeps an hour resumes at once. The time
     * slices (the scheduler's and {@link Fiber#withTimeSlice}) are not used. Only the scheduler's
     * own waits are virtual: code that reads the real clock, or calls {@link Fiber#sleep} from a
     * plain method (which sleeps the thread), sees real time; fiber code reads the virtual one with
     * {@link Fiber#nanoTime()} or {@link Scheduler#clock()}. {@link Seeds} runs a test under many
     * seeds and names the one that fails.
     *
     * @param seed the seed of the interleaving
     * @return this builder
     */
    public Builder deterministic(long seed) {
      this.deterministic = true;
      this.seed = seed;
      return this;
    }
  }
}
