package dev.fibered;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * A fiber: one run of a {@code @Fibered} method, scheduled by a {@link Scheduler} alongside many
 * others on the same thread.
 *
 * <p>Fibers are created unstarted by the generated factories ({@code FooFibers.m(args)}) and
 * started by {@link Scheduler#spawn}. A fiber runs until it completes, or until it reaches a switch
 * point (a scheduling check, a call to {@link #yield()} or {@link #yieldNow()}) where the scheduler
 * decides to run another fiber; it resumes later exactly where it left off.
 *
 * <p>Thread-safety: {@link #isAlive()}, {@link #isDone()}, {@link #join()}, {@link #result()},
 * {@link #cancel()} and {@link #throwInto} may be called from any thread. On a single-threaded
 * scheduler everything else belongs to the thread that runs it; on a multi-threaded one ({@link
 * Scheduler.Builder#threads}) the counters and {@link #state()} read from another thread are
 * snapshots. A fiber runs on one thread at a time,
 * but may move to another carrier at any switch point: do not rely on {@link ThreadLocal}s
 * (use {@link FiberLocal}) or on holding a monitor across a switch point.
 *
 * @param <T> the result type; {@code Void} for void methods
 */
public final class Fiber<T> {
  /** Where a fiber is in its life, as {@link #state()} reports it. */
  public enum State {
    /** Created by a factory, not spawned yet. */
    NEW,
    /** Spawned, waiting for its turn on the thread. */
    RUNNABLE,
    /** Running on its scheduler's thread now. */
    RUNNING,
    /** Suspended until something wakes it: a sleep, a join, a channel. */
    WAITING,
    /** Completed normally. */
    DONE,
    /** Ended by an exception. */
    FAILED,
    /** Ended by {@link Fiber#cancel()}. */
    CANCELLED
  }

  /**
   * Told about every fiber of a scheduler that ends with an exception, as {@link
   * Thread.UncaughtExceptionHandler} is about threads. Set with {@link
   * Scheduler.Builder#uncaughtExceptionHandler}.
   */
  @FunctionalInterface
  public interface UncaughtExceptionHandler {
    /**
     * Called on the scheduler's thread right after {@code fiber} failed; its {@link #result()}
     * still throws {@code failure}. An exception thrown here is added to {@code failure} as
     * suppressed, never lost.
     *
     * @param fiber the fiber that failed
     * @param failure its exception
     */
    void uncaughtException(Fiber<?> fiber, Throwable failure);
  }

  /** Why the last check or yield that returned true switched; see {@link #countSwitch}. */
  private static final byte BY_CHECK = 1;

  private static final byte BY_YIELD = 2;

  private static final AtomicLong IDS = new AtomicLong();

  @SuppressWarnings("rawtypes")
  private static final AtomicReferenceFieldUpdater<Fiber, Scheduler> SCHEDULER =
      AtomicReferenceFieldUpdater.newUpdater(Fiber.class, Scheduler.class, "scheduler");

  @SuppressWarnings("rawtypes")
  private static final AtomicLongFieldUpdater<Fiber> CARRIER_STATE =
      AtomicLongFieldUpdater.newUpdater(Fiber.class, "carrierState");

  // Where a fiber of a multi-threaded scheduler is: the low two bits of carrierState.
  /** Running a slice on a carrier. */
  private static final long ON_CARRIER = 0;

  /** Running a slice, and its current wait was already ended: it must be queued, not parked. */
  private static final long WOKEN = 1;

  /** Parked: in no queue until a waker ends its current wait. */
  private static final long PARKED = 2;

  /** In the run queue (or about to be put there by the thread that set this). */
  private static final long QUEUED = 3;

  private static final long WHERE = 3;

  /**
   * Checks between clock reads never exceed this: at about a nanosecond per check in a tight
   * loop, the clock (about 25 ns a read) is read every few microseconds.
   */
  private static final int MAX_STRIDE = 1 << 12;

  private final long id = IDS.incrementAndGet();
  private final String name;

  /** This fiber's own time slice, or 0 to use its scheduler's. */
  private volatile long ownSliceNanos;

  /** The innermost machine: the one a resume goes to. Null once the fiber is done. */
  Machine<?> top;

  /** The scheduler this fiber was spawned on; null while unstarted. */
  private volatile Scheduler scheduler;

  private volatile boolean done;
  private T value;
  private Throwable failure;

  /** The outcome of a finished callee, waiting for its caller to read it. */
  private Object callValue;

  private Throwable callFailure;

  /** Set by {@link Scheduler#park}: off the run queue until woken. Only the running thread. */
  boolean parked;

  /** Set by {@link #cancel()}; delivered when the fiber next resumes. */
  private volatile boolean cancelRequested;

  /** Set by {@link #throwInto}; raised when the fiber next resumes. */
  private volatile Throwable thrownInto;

  /** How many {@link #noSwitch()} blocks of this fiber are open. */
  private int noSwitchDepth;

  /** The locks this fiber holds; null until it takes one. */
  private Lock.Held heldLocks;

  /** Runtime bookkeeping to run once this fiber ends (a {@link Pool} frees its slot). */
  private Runnable whenDone;

  /** The fiber that spawned this one, or null if plain code did. */
  private volatile Fiber<?> parent;

  /** Children that ended and were not yet reported by {@link #awaitChild()}; lazily created. */
  private java.util.ArrayDeque<Fiber<?>> endedChildren;

  /** Children spawned from this fiber that have not ended. */
  private int runningChildren;

  /**
   * This fiber waiting in {@link #awaitChild()}, if it is. Its monitor also guards what other
   * fibers touch (on other carriers of a multi-threaded scheduler): {@link #joiners}, the
   * children's bookkeeping, and the cancellation request.
   */
  private final WaitQueue childWait = new WaitQueue();

  /** Values handed to this fiber by {@link #transfer}; null until the first. */
  private volatile Channel<Object> mailbox;

  /** This fiber's {@link FiberLocal} values; null until the first is set. */
  private java.util.Map<FiberLocal<?>, Object> locals;

  /** How many times this fiber parked: tells a timer of an earlier wait from the current one. */
  long parks;

  /**
   * Multi-threaded schedulers only: the number of the current wait (shifted left by two) and
   * where the fiber is ({@link #ON_CARRIER}, {@link #WOKEN}, {@link #PARKED}, {@link #QUEUED}),
   * in one word, so that a waker for wait n can never end wait n + 1, and a wake-up that arrives
   * while the fiber is still finishing the slice in which it parked is neither lost nor run twice.
   * The single-threaded scheduler never touches it (not even here: no initializer, so creating a
   * fiber writes no volatile field); a multi-threaded one marks a fiber queued when it spawns it.
   */
  private volatile long carrierState;

  /** Fibers of the same scheduler waiting in {@link #join()} for this one. Guarded by childWait. */
  private List<WaitQueue.Ticket> joiners;

  /** The last exception whose stack trace was recovered, so that callers do not redo it. */
  private Throwable traced;

  // Counters for diagnostics, written only by the running thread.
  private long runNanos;
  private long slices;
  private long preemptions;
  private long yields;
  private long waits;
  private byte switchReason;
  private long sliceStart;

  // Time-slice accounting, touched only by the running thread. See sliceSpentOnCountdown.
  int countdown;

  /**
   * Under {@link Preemption#TICKER}: the slot of the thread running this fiber's slice, where the
   * slice's deadline is published for the ticker; null under counting preemption.
   */
  Ticker.Slot tickerSlot;

  /**
   * Under {@link Preemption#TICKER}: raised by the ticker thread once this fiber's slice is spent.
   * A hint, confirmed with the clock by {@link #sliceSpentOnTick()}.
   */
  volatile boolean sliceOver;

  private int stride = 1;
  private long sliceNanos;
  private long sliceDeadline;
  private long lastClockRead;

  private Fiber(String name, Machine<T> body) {
    this.name = name;
    this.top = body;
    body.fiber = this;
  }

  /**
   * Wraps a machine in an unstarted fiber. Generated factories call this; user code gets fibers
   * from those factories.
   *
   * @param <T> the result type
   * @param name a name for diagnostics, such as {@code "Jobs.sum"}
   * @param body an unstarted machine
   * @return an unstarted fiber
   * @throws IllegalStateException if the machine was already started
   */
  public static <T> Fiber<T> of(String name, Machine<T> body) {
    if (body.fiber != null) {
      throw new IllegalStateException("machine " + body + " has already been started");
    }
    return new Fiber<>(name, body);
  }

  /**
   * A switch point for {@code @Fibered} code: switches to another fiber only if this fiber's time
   * slice is spent, like greenlet_fiber's {@code schedule()}.
   *
   * <p>Outside {@code @Fibered} code (a plain method, or a {@code @Fibered} method called directly)
   * there is nothing to suspend, and this returns at once.
   */
  public static void yield() {}

  /**
   * A switch point for {@code @Fibered} code: always lets the other runnable fibers run before this
   * one continues, like greenlet_fiber's {@code schedule(force=True)}.
   *
   * <p>Outside {@code @Fibered} code this returns at once.
   */
  public static void yieldNow() {}

  /**
   * A switch point for {@code @Fibered} code: suspends this fiber for at least {@code duration}
   * while the scheduler runs the others. The fiber then waits its turn in the run queue like any
   * other, so it may resume later than asked, never sooner. A zero or negative duration lets the
   * other runnable fibers run first, like {@link #yieldNow()}.
   *
   * <p>Called outside {@code @Fibered} code (a plain method, or a {@code @Fibered} method called
   * directly), it blocks the calling thread instead, as {@link Thread#sleep(long)} does; if the
   * thread is interrupted it returns early with its interrupt status set.
   *
   * @param duration how long to sleep
   */
  @Fibered
  public static void sleep(Duration duration) {
    long nanos = saturatedNanos(duration);
    long deadline = System.nanoTime() + nanos;
    try {
      while (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        nanos = deadline - System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until every one of {@code fibers} is done (gevent's {@code joinall}). A switch point in
   * {@code @Fibered} code; from plain code, it joins them one after another as {@link #join()}
   * does.
   *
   * @param fibers the fibers to wait for, of the calling fiber's scheduler
   * @throws IllegalStateException as {@link #join()} does, for the first fiber it cannot wait for
   */
  @Fibered
  public static void joinAll(Iterable<? extends Fiber<?>> fibers) {
    for (Fiber<?> f : fibers) {
      f.join();
    }
  }

  /**
   * Opens a block in which the current fiber must not switch (gruvi's {@code
   * assert_no_switchpoints}), for code that relies on running without interleaving:
   *
   * <pre>{@code
   * try (Fiber.NoSwitch guard = Fiber.noSwitch()) {
   *   balance -= amount;   // no other fiber can see the state in between
   *   log.add(amount);
   * }
   * }</pre>
   *
   * <p>javac's {@code -Xlint:try} warns that {@code guard} is never named in the block; put
   * {@code @SuppressWarnings("try")} on the method.
   *
   * <p>The processor reports a switch point written inside such a block ({@code
   * [Fibered/SwitchPointInNoSwitch]}); at run time, a fiber that suspends while a block is open
   * fails with {@link IllegalStateException} there. Outside fibers the guard does nothing.
   *
   * @return the guard; close it to end the block
   */
  public static NoSwitch noSwitch() {
    Fiber<?> fiber = current();
    if (fiber != null) {
      fiber.noSwitchDepth++;
    }
    return new NoSwitch(fiber);
  }

  /** The guard of a {@link #noSwitch()} block. */
  public static final class NoSwitch implements AutoCloseable {
    private final Fiber<?> fiber;
    private boolean closed;

    private NoSwitch(Fiber<?> fiber) {
      this.fiber = fiber;
    }

    /** Ends the block; closing it again does nothing. */
    @Override
    public void close() {
      if (!closed && fiber != null) {
        fiber.noSwitchDepth--;
      }
      closed = true;
    }
  }

  /**
   * Hands {@code value} to {@code target} and waits until a fiber hands a value back to this one,
   * which it returns: python-fibers' and greenlet's {@code switch(value)}. The target receives the
   * value from its own {@code transfer} or {@link #awaitTransfer()}, whichever it is waiting in or
   * calls next; values handed to a fiber wait for it in order. A switch point in {@code @Fibered}
   * code. The target may run on this fiber's scheduler, or on another one that may be woken from
   * here (a multi-threaded one, or an idle one).
   *
   * @param <V> the type of the value this fiber receives back
   * @param target the fiber to hand the value to; this fiber itself, to receive it back at once
   * @param value the value, possibly null
   * @return the value another fiber hands to this one
   * @throws IllegalStateException if {@code target} has ended (a value for it would be lost), or
   *     if called from plain code (it would wait)
   */
  @Fibered
  public static <V> V transfer(Fiber<?> target, Object value) {
    Fiber<?> me = current();
    if (me == null) {
      throw new IllegalStateException("transfer() waits for a value back: call it from a fiber");
    }
    handOver(target, value);
    return me.<V>takeTransferred();
  }

  /**
   * Hands {@code value} to {@code target} without waiting for one back: the last hand-off of a
   * conversation, or one from plain code. Not a switch point.
   *
   * @param target the fiber to hand the value to
   * @param value the value, possibly null
   * @throws IllegalStateException if {@code target} has ended (the value would be lost)
   */
  public static void handOver(Fiber<?> target, Object value) {
    java.util.Objects.requireNonNull(target, "target");
    if (target.isDone()) {
      throw new IllegalStateException("cannot hand a value to " + target + ": it has ended");
    }
    // Unbounded: never refused, never waits. Channels take no null, so null travels as NULL.
    target.mailbox().trySend(value == null ? NULL : value);
  }

  /**
   * Waits until a fiber hands a value to this one with {@link #transfer}, and returns it; values
   * that arrived earlier are returned first. A switch point in {@code @Fibered} code.
   *
   * @param <V> the type of the value
   * @return the value
   * @throws IllegalStateException if called outside any fiber, or from plain code while no value is
   *     there (it would wait)
   */
  @Fibered
  public static <V> V awaitTransfer() {
    Fiber<?> me = current();
    if (me == null) {
      throw new IllegalStateException("awaitTransfer() receives values handed to the current fiber");
    }
    return me.<V>takeTransferred();
  }

  /** Stands for a null value in a mailbox. */
  private static final Object NULL = new Object();

  /** A value taken from a mailbox, as it was handed over. */
  @SuppressWarnings("unchecked")
  static <V> V unwrapTransferred(Object boxed) {
    return boxed == NULL ? null : (V) boxed;
  }

  /** A value handed to this fiber, for plain code; throws if none is there. */
  private <V> V takeTransferred() {
    Object v = mailbox().tryReceive();
    if (v == null) {
      throw new IllegalStateException(
          "no value was handed to " + this + ": call it from @Fibered code to wait for one");
    }
    return unwrapTransferred(v);
  }

  /** The values handed to this fiber by {@link #transfer}; created on first use. */
  Channel<Object> mailbox() {
    Channel<Object> box = mailbox;
    if (box == null) {
      synchronized (childWait) {
        box = mailbox;
        if (box == null) {
          box = Channel.unbounded();
          mailbox = box;
        }
      }
    }
    return box;
  }

  /**
   * Waits until a fiber spawned from the current one ends, and returns it; children that ended
   * earlier are returned first, in the order they ended (python-fibers gives control to a fiber's
   * parent when it ends; here the parent asks). A switch point in {@code @Fibered} code.
   *
   * @return a child that ended, or null if the current fiber has no child left to report
   * @throws IllegalStateException if called from plain code while a child still runs (it would
   *     wait), or outside any fiber
   */
  @Fibered
  public static Fiber<?> awaitChild() {
    Fiber<?> me = current();
    if (me == null) {
      throw new IllegalStateException("awaitChild() reports the children of the current fiber");
    }
    synchronized (me.childWait) {
      if (me.hasEndedChild() || !me.hasRunningChild()) {
        return me.takeEndedChild();
      }
    }
    throw new IllegalStateException("awaitChild() would wait: call it from @Fibered code");
  }

  /**
   * Returns the time on the clock of the scheduler running the current fiber ({@link
   * Scheduler#nanoTime()}), in the units of {@link System#nanoTime()}: virtual time on a
   * {@linkplain Scheduler.Builder#deterministic deterministic} scheduler, so that fiber code that
   * measures or schedules by it replays with the seed (a one-hour {@link #sleep} moves it by one
   * hour at once); real time otherwise, and outside fibers. Not a switch point.
   *
   * @return the current time in nanoseconds; only differences mean anything
   */
  public static long nanoTime() {
    Scheduler s = Scheduler.current();
    return s != null ? s.nanoTime() : System.nanoTime();
  }

  /**
   * Returns the fiber running on the current thread.
   *
   * @return the current fiber, or null if this thread is not running a fiber
   */
  public static Fiber<?> current() {
    return Scheduler.currentFiber();
  }

  /**
   * Gives this fiber its own time slice instead of its scheduler's: shorter for a fiber that must
   * let others in often, longer for a batch job that should be preempted rarely. Generated
   * factories call this when the method or the compilation asks for a slice ({@code @Fibered(
   * timeSlice = "2ms")}, {@code -Afibered.timeSlice=2ms}); a later call replaces it.
   *
   * @param slice a positive duration; longer than about 292 years counts as forever
   * @return this fiber
   * @throws IllegalArgumentException if {@code slice} is zero or negative
   * @throws IllegalStateException if this fiber has already been spawned
   */
  public Fiber<T> withTimeSlice(Duration slice) {
    if (slice.isNegative() || slice.isZero()) {
      throw new IllegalArgumentException("time slice must be positive, was " + slice);
    }
    if (scheduler != null) {
      throw new IllegalStateException(this + " has already been spawned: set its time slice before");
    }
    ownSliceNanos = saturatedNanos(slice);
    return this;
  }

  /** A duration in nanoseconds, Long.MAX_VALUE for anything longer (about 292 years). */
  static long saturatedNanos(Duration d) {
    return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
  }

  /**
   * Returns the time slice this fiber asked for with {@link #withTimeSlice}.
   *
   * @return its own time slice, or empty if it runs with its scheduler's
   */
  public Optional<Duration> timeSlice() {
    long own = ownSliceNanos;
    return own == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(own));
  }

  /**
   * Returns this fiber's name.
   *
   * @return the name its factory gave it, by default {@code Class.method}
   */
  public String name() {
    return name;
  }

  /**
   * Returns this fiber's id.
   *
   * @return a number unique to this fiber within this JVM
   */
  public long id() {
    return id;
  }

  /**
   * Tells whether this fiber has started and not yet ended.
   *
   * @return true once this fiber has been spawned and until it has completed or failed
   */
  public boolean isAlive() {
    return scheduler != null && !done;
  }

  /**
   * Tells whether this fiber has ended.
   *
   * @return true once this fiber has completed or failed
   */
  public boolean isDone() {
    return done;
  }

  /**
   * Waits until this fiber is done.
   *
   * <p>In {@code @Fibered} code this is a switch point: the calling fiber is suspended until this
   * one ends, and the other fibers run meanwhile. Both fibers must belong to the same scheduler.
   *
   * <p>Outside {@code @Fibered} code, if the fiber's scheduler is idle, the calling thread runs
   * the scheduler (all its fibers, not only this one) until this fiber is done. If the scheduler is running on another thread, the
   * calling thread blocks until it finishes this fiber. On a multi-threaded scheduler ({@link
   * Scheduler.Builder#threads}) the calling thread blocks until this fiber is done, and starts the
   * carriers if the scheduler is idle.
   *
   * @throws IllegalStateException if the fiber was never spawned; from plain code, if called on the
   *     thread that runs its scheduler or on one of its carriers (it would wait for itself, or block
   *     a carrier), if this thread already runs
   *     another scheduler, or if the scheduler this call drives deadlocks; from a fiber, if the
   *     fiber joins itself or a fiber of another scheduler
   */
  @Fibered
  public void join() {
    if (done) {
      return;
    }
    Scheduler s = scheduler;
    if (s == null) {
      throw new IllegalStateException(
          this + " was never spawned: pass it to Scheduler.spawn before joining it");
    }
    s.runOrAwait(this);
  }

  /**
   * Waits at most {@code timeout} for this fiber to be done. In {@code @Fibered} code this is a
   * switch point, as {@link #join()} is; from plain code it behaves as {@link #join()} (driving an
   * idle scheduler on the calling thread, or waiting for the thread that runs it) until the time
   * runs out.
   *
   * @param timeout how long to wait at most
   * @return true if the fiber is done, false if the time ran out first
   * @throws IllegalStateException as {@link #join()} does
   */
  @Fibered
  public boolean join(Duration timeout) {
    if (done) {
      return true;
    }
    Scheduler s = scheduler;
    if (s == null) {
      throw new IllegalStateException(
          this + " was never spawned: pass it to Scheduler.spawn before joining it");
    }
    return s.runOrAwait(this, true, s.deadlineIn(saturatedNanos(timeout)));
  }

  /**
   * Returns this fiber's result, waiting for it as {@link #join()} does.
   *
   * <p>In {@code @Fibered} code this is a switch point, as {@link #join()} is.
   *
   * @return the value the fiber's method returned (null for void methods)
   * @throws RuntimeException the fiber's own unchecked exception, rethrown as it is
   * @throws Error the fiber's own error, rethrown as it is
   * @throws CompletionException wrapping the fiber's checked exception
   */
  @Fibered
  public T result() {
    join();
    return outcome();
  }

  /** The outcome of a done fiber: its value, or its exception as {@link #result()} throws it. */
  T outcome() {
    Throwable t = failure;
    if (t == null) {
      return value;
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new CompletionException(this + " failed", t);
  }

  /**
   * Returns the exception this fiber failed with.
   *
   * @return the exception, or null if the fiber is not done or completed normally
   */
  public Throwable failure() {
    return done ? failure : null;
  }

  /**
   * Returns the {@code @Fibered} methods this fiber is in, innermost first, each with the source
   * line where it waits: the line of the switch point it is suspended at, or of the call to the
   * method above it. Like {@link Thread#getStackTrace()}, for diagnostics.
   *
   * <p>Exact while the fiber is unstarted or suspended; while it runs, the answer is a snapshot
   * that may already be stale. A fiber that is done has no frames.
   *
   * @return the source frames, possibly empty
   */
  public StackTraceElement[] stackTrace() {
    Machine<?> m = top;
    return m == null ? new StackTraceElement[0] : FiberTraces.of(m);
  }

  /**
   * Returns where this fiber is in its life. From a thread other than its scheduler's, a snapshot
   * that may already be stale.
   *
   * @return the fiber's state
   */
  public State state() {
    if (done) {
      if (failure == null) {
        return State.DONE;
      }
      return cancelRequested && failure instanceof CancellationException
          ? State.CANCELLED
          : State.FAILED;
    }
    Scheduler s = scheduler;
    if (s == null) {
      return State.NEW;
    }
    if (s.isMultiThreaded()) {
      long where = carrierState & WHERE;
      return where == PARKED
          ? State.WAITING
          : where == QUEUED ? State.RUNNABLE : State.RUNNING;
    }
    if (parked) {
      return State.WAITING;
    }
    return s.isRunningNow(this) ? State.RUNNING : State.RUNNABLE;
  }

  /**
   * Cancels this fiber: a {@link CancellationException} is raised at the switch point where it
   * waits (or, if it is running, at the next one where it suspends). The fiber's {@code finally}
   * blocks run, and a {@code catch} around the switch point may take it; uncaught, it ends the
   * fiber: {@link #result()} then throws it and {@link #state()} is {@code CANCELLED}. Cancellation
   * sticks: a cancelled fiber that caught it gets a new one at every later suspension, so it can
   * clean up but not wait again. A fiber waiting in a sleep, a join or on a channel stops waiting
   * at once; a value it was waiting to send is not delivered. A fiber cancelled before it starts
   * fails as soon as it is first run.
   *
   * <p>Any thread may call it at any time. From a thread other than the one running the fiber's
   * single-threaded scheduler, the request is recorded at once (a running fiber raises it at its
   * next suspension) and the scheduler's own thread ends the fiber's wait between two slices, as a
   * task handed over with {@link Scheduler#execute}.
   *
   * @return true if this call asked for the cancellation; false if the fiber had already ended or
   *     been cancelled
   */
  public boolean cancel() {
    return raiseInstead(true, null);
  }

  /**
   * Raises {@code failure} in this fiber at the switch point where it waits (or, if it is running,
   * at the next one where it suspends), as python-fibers' and greenlet's {@code throw} do. It stops
   * any wait at once, and is raised once: a {@code catch} around the switch point may take it and
   * go on, waiting again if it likes. Uncaught, it ends the fiber: {@link #result()} then throws
   * {@code failure} (wrapped in {@link CompletionException} if checked) and {@link #state()} is
   * {@code FAILED}.
   *
   * <p>Any thread may call it at any time, as {@link #cancel()}.
   *
   * @param failure the exception to raise, not null
   * @return true if this call will raise it; false if the fiber had already ended, or was already
   *     cancelled or given an exception
   */
  public boolean throwInto(Throwable failure) {
    return raiseInstead(false, java.util.Objects.requireNonNull(failure, "failure"));
  }

  /**
   * Asks the fiber to raise, where it waits, its cancellation ({@code cancel}) or {@code failure};
   * returns false if it already ended or was already asked.
   */
  private boolean raiseInstead(boolean cancel, Throwable failure) {
    Scheduler s = scheduler;
    synchronized (childWait) { // two threads may ask at once: one wins
      if (done || stopsWaiting()) {
        return false;
      }
      if (cancel) {
        cancelRequested = true;
      } else {
        thrownInto = failure;
      }
    }
    if (s != null) {
      s.wakeToRaise(this); // a waiting fiber runs again, to raise it
    }
    return true;
  }

  /** Whether the fiber will raise instead of waiting (cancelled, or given an exception). */
  boolean stopsWaiting() {
    return cancelRequested || thrownInto != null;
  }

  /**
   * Tells whether {@link #cancel()} was called on this fiber.
   *
   * @return true once a cancellation was asked for
   */
  public boolean isCancelled() {
    return cancelRequested;
  }

  /**
   * Returns the fiber that spawned this one.
   *
   * @return the fiber that was running when this one was spawned, or null if it was spawned from
   *     plain code (or not yet)
   */
  public Fiber<?> parent() {
    return parent;
  }

  /**
   * Returns how long this fiber has run on its scheduler's thread, all slices together.
   *
   * @return the total run time
   */
  public Duration runTime() {
    return Duration.ofNanos(runNanos);
  }

  /**
   * Returns how many times a compiled-in check switched this fiber out because its slice was spent
   * and another fiber was waiting.
   *
   * @return the number of preemptions
   */
  public long timesPreempted() {
    return preemptions;
  }

  /**
   * Returns how many times this fiber switched out at {@link #yield()} or {@link #yieldNow()}.
   *
   * @return the number of switches at explicit yields
   */
  public long timesYielded() {
    return yields;
  }

  /**
   * Returns how many times this fiber waited: slept, joined, or waited on a channel.
   *
   * @return the number of waits
   */
  public long timesWaited() {
    return waits;
  }

  @Override
  public String toString() {
    String state = state().name().toLowerCase(java.util.Locale.ROOT);
    return "Fiber#" + id + "[" + name + ", " + state + "]";
  }

  /** One line of a scheduler dump: identity, state and counters; the frames follow. */
  String describe() {
    return this
        + " ran "
        + String.format(java.util.Locale.ROOT, "%.3f ms", runNanos / 1e6)
        + " in "
        + slices
        + (slices == 1 ? " slice" : " slices")
        + ", preempted "
        + preemptions
        + ", yielded "
        + yields
        + ", waited "
        + waits;
  }

  // ---- package-private: the scheduler's side ----

  void spawnedOn(Scheduler s) {
    // Atomic: two threads may spawn the same fiber on two schedulers at once.
    if (!SCHEDULER.compareAndSet(this, null, s)) {
      throw new IllegalStateException(this + " has already been spawned");
    }
  }

  /**
   * Runs this fiber for one time slice.
   *
   * @return true if the fiber is done, false if it suspended and wants to run again
   */
  boolean runSlice(long schedulerSliceNanos) {
    long own = ownSliceNanos;
    startSlice(own > 0 ? own : schedulerSliceNanos);
    Machine<?> m = top;
    Throwable raised = raised();
    if (raised != null) {
      m = raiseAt(m, raised);
      if (m == null) {
        return true;
      }
    }
    while (true) {
      Object r;
      try {
        r = m.resume();
      } catch (Throwable t) {
        m = failed(m, t);
        if (m == null) {
          return true;
        }
        continue;
      }
      if (r == Machine.SUSPEND) {
        if (noSwitchDepth > 0) {
          noSwitchDepth = 0;
          raised =
              new IllegalStateException(
                  this + " reached a switch point inside a Fiber.noSwitch() block");
        } else if (stopsWaiting() && parked) {
          raised = raised(); // asked while it was running: it must not wait
        } else {
          countSwitch();
          return false;
        }
        m = raiseAt(top, raised);
        if (m == null) {
          return true;
        }
        continue;
      }
      if (r == Machine.CALL) {
        m = top;
        continue;
      }
      Machine<?> c = unwind(m);
      if (c == null) {
        endSlice();
        finish(r, null);
        return true;
      }
      callValue = r;
      m = c;
    }
  }

  /**
   * Raises {@code raised} at the switch point where the innermost machine {@code m} waits, as if
   * it threw there; returns the machine to resume next, or null if that ended the fiber.
   */
  private Machine<?> raiseAt(Machine<?> m, Throwable raised) {
    parked = false; // it raises instead of waiting
    m.abandon();
    if (m.enterHandler(raised)) {
      return m; // a try around the switch point takes it
    }
    return failed(m, raised);
  }

  /**
   * {@code m} threw {@code t}: its frame and its callers' go into t's stack trace (once), it is
   * popped, and its caller reads {@code t} as the callee's outcome. Returns the caller, or null if
   * {@code m} was outermost and the fiber has ended.
   */
  private Machine<?> failed(Machine<?> m, Throwable t) {
    if (t != traced) {
      FiberTraces.recover(t, m); // before unwind: the callers are still linked
      traced = t;
    }
    Machine<?> c = unwind(m);
    if (c == null) {
      endSlice();
      finish(null, t);
      return null;
    }
    callFailure = t;
    return c;
  }

  /**
   * What the fiber raises instead of going on: its cancellation, a thrown-in exception, or null. A
   * cancellation is raised again at every later suspension (the fiber may catch it, but it cannot
   * wait any more); a thrown-in exception is raised once.
   */
  private Throwable raised() {
    if (cancelRequested) {
      return cancellation();
    }
    Throwable t = thrownInto;
    if (t != null) {
      synchronized (childWait) { // taken as raiseInstead sets it: another thread may throw again
        t = thrownInto;
        thrownInto = null;
      }
    }
    return t;
  }

  /** The exception a cancelled fiber ends with, its trace starting where the fiber waited. */
  private CancellationException cancellation() {
    CancellationException e = new CancellationException(this + " was cancelled");
    StackTraceElement[] waitedAt = FiberTraces.of(top);
    StackTraceElement[] here = e.getStackTrace();
    StackTraceElement[] trace = java.util.Arrays.copyOf(waitedAt, waitedAt.length + here.length);
    System.arraycopy(here, 0, trace, waitedAt.length, here.length);
    e.setStackTrace(trace);
    return e;
  }

  /** Counts why the fiber just suspended: it waits, a check preempted it, or it yielded. */
  private void countSwitch() {
    endSlice();
    if (parked) {
      waits++;
    } else if (switchReason == BY_CHECK) {
      preemptions++;
    } else {
      yields++; // Fiber.yield() that switched, or yieldNow(), which switches without asking
    }
    switchReason = 0;
  }

  private void endSlice() {
    runNanos += System.nanoTime() - sliceStart;
    slices++;
    if (tickerSlot != null) {
      Ticker.end(tickerSlot);
    }
  }

  /** Pops a finished machine; returns its caller, now the top, or null if it was outermost. */
  private Machine<?> unwind(Machine<?> finished) {
    Machine<?> c = finished.caller;
    finished.caller = null;
    top = c;
    return c;
  }

  @SuppressWarnings("unchecked")
  private void finish(Object result, Throwable t) {
    value = (T) result;
    failure = t;
    top = null;
    traced = null;
    if (t != null && heldLocks != null) {
      heldLocks.releaseAll(this); // as an exception leaving synchronized would
    }
    if (t != null) {
      // Before done: a thread joining from outside must see what the handler adds to t.
      scheduler.fiberFailed(this, t);
    }
    List<WaitQueue.Ticket> waiting;
    synchronized (childWait) { // a joiner on another carrier either sees done or is granted
      done = true;
      waiting = joiners;
      joiners = null;
    }
    if (waiting != null) {
      for (WaitQueue.Ticket joiner : waiting) {
        if (!joiner.gone()) {
          joiner.grant();
        }
      }
    }
    if (whenDone != null) {
      Runnable r = whenDone;
      whenDone = null;
      r.run();
    }
    Fiber<?> p = parent;
    if (p != null && p.scheduler == scheduler) {
      p.childEnded(this); // the parent is told, as python-fibers passes control to it
    }
    scheduler.fiberFinished(this);
  }

  /** This fiber's local values, created if {@code create}; else possibly null. */
  java.util.Map<FiberLocal<?>, Object> locals(boolean create) {
    if (locals == null && create) {
      locals = new java.util.IdentityHashMap<>();
    }
    return locals;
  }

  /** Records the spawning fiber and copies its inheritable locals; at spawn, before it runs. */
  void inheritFrom(Fiber<?> spawner) {
    parent = spawner;
    if (spawner.scheduler == scheduler) {
      synchronized (spawner.childWait) {
        spawner.runningChildren++; // awaitChild() hears of children on its own scheduler only
      }
    }
    if (spawner.locals != null) {
      for (java.util.Map.Entry<FiberLocal<?>, Object> e : spawner.locals.entrySet()) {
        if (e.getKey().isInheritable()) {
          locals(true).put(e.getKey(), e.getValue());
        }
      }
    }
  }

  /** The scheduler this fiber was spawned on, or null while unstarted. */
  Scheduler scheduler() {
    return scheduler;
  }

  void holding(Lock lock) {
    if (heldLocks == null) {
      heldLocks = new Lock.Held();
    }
    heldLocks.add(lock);
  }

  void released(Lock lock) {
    if (heldLocks != null) {
      heldLocks.remove(lock);
    }
  }

  private void childEnded(Fiber<?> child) {
    synchronized (childWait) {
      runningChildren--;
      if (endedChildren == null) {
        endedChildren = new java.util.ArrayDeque<>();
      }
      endedChildren.addLast(child);
      childWait.wakeFirst();
    }
  }

  private boolean hasEndedChild() {
    return endedChildren != null && !endedChildren.isEmpty();
  }

  private boolean hasRunningChild() {
    return runningChildren > 0;
  }

  private Fiber<?> takeEndedChild() {
    return hasEndedChild() ? endedChildren.pollFirst() : null;
  }

  /**
   * For {@link Fiber#awaitChild()}'s machine: a child that ended, or, while children still run,
   * parks this (running) fiber until one ends and returns {@code parked}; null if none is left.
   */
  Object takeEndedChildOrPark(Object parked) {
    synchronized (childWait) {
      if (hasEndedChild() || !hasRunningChild()) {
        return takeEndedChild();
      }
      childWait.park(this);
      return parked;
    }
  }

  /**
   * Runs {@code action} on the thread that ends this fiber, when it ends; one action per fiber.
   * Set before the fiber is spawned (it may end at once on another carrier); null clears it.
   */
  void whenDone(Runnable action) {
    if (action != null && whenDone != null) {
      throw new IllegalStateException(this + " already belongs to a pool");
    }
    whenDone = action;
  }

  /** A joiner whose time ran out no longer waits for this fiber. */
  void removeJoiner(WaitQueue.Ticket waiting) {
    synchronized (childWait) {
      waiting.abandoned = true;
      if (joiners != null) {
        joiners.remove(waiting);
      }
    }
  }

  /**
   * Parks the running fiber of {@code waiting} until this fiber ends, which grants the ticket;
   * returns false, parking nothing, if this fiber has already ended.
   */
  boolean parkJoiner(WaitQueue.Ticket waiting, Scheduler scheduler) {
    synchronized (childWait) {
      if (done) {
        return false;
      }
      waiting.park = scheduler.park(waiting.fiber);
      if (joiners == null) {
        joiners = new java.util.ArrayList<>(2);
      }
      joiners.add(waiting);
      return true;
    }
  }

  // ---- multi-threaded schedulers: where the fiber is (see carrierState) ----

  /** The running fiber starts wait number {@code park}: a wake-up of any earlier wait is stale. */
  void beginWait(long park) {
    // getAndSet, not set: it reads what a canceller's CAS wrote, so the cancellation request
    // written before that CAS is seen by the check that follows the suspension.
    CARRIER_STATE.getAndSet(this, park << 2 | ON_CARRIER);
  }

  /**
   * A waker ends wait number {@code park} (any wait if negative). Returns true if the fiber was
   * parked and is now {@link #QUEUED}: the caller must put it on the run queue. A fiber still
   * running its slice is marked {@link #WOKEN} instead, and its carrier queues it; a fiber in
   * another wait, or already woken, is left alone.
   */
  boolean endWait(long park) {
    while (true) {
      long s = carrierState;
      if (park >= 0 && s >>> 2 != park) {
        return false;
      }
      long where = s & WHERE;
      if (where != PARKED && where != ON_CARRIER) {
        return false;
      }
      if (CARRIER_STATE.compareAndSet(this, s, (s & ~WHERE) | (where == PARKED ? QUEUED : WOKEN))) {
        return where == PARKED;
      }
    }
  }

  /**
   * After a slice in which the fiber parked: returns true if it is now {@link #PARKED}, false if
   * its wait was ended while the slice finished (it is then {@link #QUEUED}; queue it).
   */
  boolean settleParked() {
    long s = carrierState;
    if ((s & WHERE) == ON_CARRIER
        && CARRIER_STATE.compareAndSet(this, s, (s & ~WHERE) | PARKED)) {
      return true;
    }
    carrierState = (carrierState & ~WHERE) | QUEUED; // WOKEN: only this thread changes it now
    return false;
  }

  /** The fiber goes on the run queue (spawned, preempted or yielded). */
  void markQueued() {
    carrierState = (carrierState & ~WHERE) | QUEUED;
  }

  /** A carrier took the fiber from the run queue. */
  void markOnCarrier() {
    carrierState = carrierState & ~WHERE; // QUEUED: no waker changes it
  }

  /** Whether a timer for wait {@code park} may still end it: that wait has not ended yet. */
  boolean stillWaits(long park) {
    long s = carrierState;
    return s >>> 2 == park && ((s & WHERE) == PARKED || (s & WHERE) == ON_CARRIER);
  }

  /** Whether the fiber runs a slice on a carrier now. */
  boolean isOnCarrier() {
    long where = carrierState & WHERE;
    return where == ON_CARRIER || where == WOKEN;
  }

  Object takeCallOutcome() throws Throwable {
    Throwable t = callFailure;
    if (t != null) {
      callFailure = null;
      throw t;
    }
    Object v = callValue;
    callValue = null;
    return v;
  }

  private void startSlice(long sliceNanos) {
    this.sliceNanos = sliceNanos;
    long now = System.nanoTime();
    sliceStart = now;
    lastClockRead = now;
    sliceDeadline = now + sliceNanos;
    stride = 1;
    countdown = 1;
    Ticker.Slot slot = scheduler.tickerSlotHere();
    tickerSlot = slot;
    if (slot != null) {
      sliceOver = false;
      scheduler.ticker().begin(slot, this, sliceDeadline);
    }
  }

  /**
   * The slow path of a check under {@link Preemption#TICKER}, once the ticker raised the flag. The
   * flag may belong to a slice that already ended (the ticker read an old deadline): the clock
   * decides.
   */
  boolean sliceSpentOnTick() {
    sliceOver = false;
    long now = System.nanoTime();
    if (now - sliceDeadline < 0) {
      return false;
    }
    return switchingBy(BY_CHECK, switchOrRenew(now));
  }

  /**
   * The slow path of a check, reached once every {@code stride} checks. Reads the clock and, while
   * the slice lasts, lets the stride at most double, and never beyond what should fit in half the
   * remaining slice at the pace measured since the last read. Each slice starts again from a
   * stride of 1, so a fiber whose checks are far apart reads the clock at almost every check, a
   * tight loop rarely; a fiber that slows down sharply in mid-slice overshoots by at most the
   * stride. A slice of 1 ns switches at every check.
   */
  boolean sliceSpentOnCountdown() {
    if (scheduler.isDeterministic()) {
      countdown = 1; // every check is a choice
      return switchingBy(BY_CHECK, scheduler.chooseToSwitch());
    }
    long now = System.nanoTime();
    long remaining = sliceDeadline - now;
    if (remaining > 0) {
      long perCheck = Math.max(1, (now - lastClockRead) / stride);
      long fits = remaining / perCheck / 2;
      stride = (int) Math.max(1, Math.min(Math.min(MAX_STRIDE, 2L * stride), fits));
      lastClockRead = now;
      countdown = stride;
      return false;
    }
    return switchingBy(BY_CHECK, switchOrRenew(now));
  }

  /** The test behind {@link #yield()}: precise, since explicit yields are rare. */
  boolean sliceSpentNow() {
    if (scheduler.isDeterministic()) {
      return switchingBy(BY_YIELD, scheduler.chooseToSwitch());
    }
    long now = System.nanoTime();
    return switchingBy(BY_YIELD, now - sliceDeadline >= 0 && switchOrRenew(now));
  }

  /** Notes why the fiber is about to switch, for its counters. */
  private boolean switchingBy(byte reason, boolean switching) {
    if (switching) {
      switchReason = reason;
    }
    return switching;
  }

  /** The slice is spent: switch if another fiber can run, else start a new slice in place. */
  private boolean switchOrRenew(long now) {
    if (scheduler.hasOtherRunnable(now)) {
      return true;
    }
    lastClockRead = now;
    sliceDeadline = now + sliceNanos;
    stride = 1;
    countdown = 1;
    if (tickerSlot != null) {
      tickerSlot.deadline = sliceDeadline;
    }
    return false;
  }
}
