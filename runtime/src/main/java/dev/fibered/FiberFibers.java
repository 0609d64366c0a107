package dev.fibered;

import java.time.Duration;

/**
 * The machines of {@link Fiber}'s own suspending methods ({@link Fiber#sleep}, {@link
 * Fiber#join()}, {@link Fiber#result()}), written by hand to the contract of generated {@code
 * FooFibers} classes: where {@code @Fibered} code calls one of them, the processor pushes the
 * machine from here, as it does for any {@code @Fibered} callee. Not meant to be called by hand.
 */
public final class FiberFibers {
  private FiberFibers() {}

  /**
   * The machine of {@link Fiber#sleep}.
   *
   * @param duration how long to sleep
   * @return an unstarted machine
   */
  public static Machine<Void> sleep$machine(Duration duration) {
    return new SleepMachine(Fiber.saturatedNanos(duration));
  }

  /**
   * The machine of {@link Fiber#join()}.
   *
   * @param self the fiber to wait for
   * @return an unstarted machine
   */
  public static Machine<Void> join$machine(Fiber<?> self) {
    return new JoinMachine<>(self, false, -1);
  }

  /**
   * The machine of {@link Fiber#join(Duration)}.
   *
   * @param self the fiber to wait for
   * @param timeout how long to wait at most
   * @return an unstarted machine
   */
  public static Machine<Boolean> join$machine(Fiber<?> self, Duration timeout) {
    return new JoinMachine<>(self, false, Math.max(0, Fiber.saturatedNanos(timeout)));
  }

  /**
   * The machine of {@link Fiber#result()}.
   *
   * @param <T> the fiber's result type
   * @param self the fiber to wait for
   * @return an unstarted machine
   */
  public static <T> Machine<T> result$machine(Fiber<T> self) {
    return new JoinMachine<>(self, true, -1);
  }

  /**
   * The machine of {@link Fiber#joinAll}.
   *
   * @param fibers the fibers to wait for
   * @return an unstarted machine
   */
  public static Machine<Void> joinAll$machine(Iterable<? extends Fiber<?>> fibers) {
    return new JoinAllMachine(fibers);
  }

  /** Joins each fiber in turn: a join machine pushed per fiber still running. */
  private static final class JoinAllMachine extends Machine<Void> {
    private final java.util.Iterator<? extends Fiber<?>> fibers;

    JoinAllMachine(Iterable<? extends Fiber<?>> fibers) {
      this.fibers = fibers.iterator();
    }

    @Override
    protected Object resume() throws Throwable {
      result(); // the previous join's outcome (a join that could not wait throws here)
      while (fibers.hasNext()) {
        Fiber<?> next = fibers.next();
        if (!next.isDone()) {
          return call(new JoinMachine<Void>(next, false, -1));
        }
      }
      return null;
    }
  }

  /**
   * The machine of {@link Fiber#transfer}.
   *
   * @param <V> the type of the value received back
   * @param target the fiber to hand the value to
   * @param value the value
   * @return an unstarted machine
   */
  public static <V> Machine<V> transfer$machine(Fiber<?> target, Object value) {
    return new TransferMachine<>(target, value, true);
  }

  /**
   * The machine of {@link Fiber#awaitTransfer()}.
   *
   * @param <V> the type of the value
   * @return an unstarted machine
   */
  public static <V> Machine<V> awaitTransfer$machine() {
    return new TransferMachine<>(null, null, false);
  }

  /** Hands a value over (if it {@code hands}), then receives one from the fiber's mailbox. */
  private static final class TransferMachine<V> extends Machine<V> {
    private final Fiber<?> target;
    private final Object value;
    private final boolean hands;
    private boolean waited;

    TransferMachine(Fiber<?> target, Object value, boolean hands) {
      this.target = target;
      this.value = value;
      this.hands = hands;
    }

    @Override
    protected Object resume() throws Throwable {
      if (!waited) {
        waited = true;
        if (hands) {
          Fiber.handOver(target, value);
        }
        return call(ChannelFibers.receive$machine(fiber.mailbox()));
      }
      return Fiber.unwrapTransferred(result());
    }
  }

  /**
   * The machine of {@link Fiber#awaitChild()}.
   *
   * @return an unstarted machine
   */
  public static Machine<Fiber<?>> awaitChild$machine() {
    return new AwaitChildMachine();
  }

  /** Returns an ended child, waiting for one while children still run. */
  private static final class AwaitChildMachine extends Machine<Fiber<?>> {
    @Override
    protected Object resume() {
      return fiber.takeEndedChildOrPark(SUSPEND); // woken when a child ends; then report it
    }
  }

  private static final class SleepMachine extends Machine<Void> {
    private final long nanos;
    private boolean slept;

    SleepMachine(long nanos) {
      this.nanos = nanos;
    }

    @Override
    protected Object resume() {
      if (slept) {
        return null;
      }
      slept = true;
      Scheduler scheduler = fiber.scheduler();
      if (nanos > 0) {
        scheduler.parkUntil(fiber, scheduler.deadlineIn(nanos));
      }
      return SUSPEND; // a non-positive duration: back of the queue, as yieldNow
    }
  }

  /**
   * Waits for {@code target}; then returns nothing, or its outcome for {@code result()}.
   *
   * @param <R> the machine's result: Void for join, the target's result type for result
   */
  private static final class JoinMachine<R> extends Machine<R> {
    private final Fiber<?> target;
    private final boolean wantsResult;
    private final long timeoutNanos;
    private WaitQueue.Ticket ticket;

    JoinMachine(Fiber<?> target, boolean wantsResult, long timeoutNanos) {
      this.target = receiver(target);
      this.wantsResult = wantsResult;
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    protected Object resume() {
      if (ticket == null && !target.isDone() && waitForTarget()) {
        return SUSPEND;
      }
      if (timeoutNanos >= 0) {
        if (ticket != null && !target.isDone()) {
          target.removeJoiner(ticket); // the time ran out: leave the target's list of joiners
        }
        return target.isDone();
      }
      return wantsResult ? target.outcome() : null;
    }

    /** Parks until the target ends; false if it ended first (on another carrier). */
    private boolean waitForTarget() {
      Fiber<?> me = fiber;
      if (target == me) {
        throw new IllegalStateException(me + " cannot join itself: it would wait forever");
      }
      Scheduler scheduler = target.scheduler();
      if (scheduler == null) {
        throw new IllegalStateException(
            target + " was never spawned: pass it to Scheduler.spawn before joining it");
      }
      if (scheduler != me.scheduler()) {
        throw new IllegalStateException(
            me
                + " cannot join "
                + target
                + ", a fiber of another scheduler: a fiber can only wait for fibers of its own"
                + " scheduler");
      }
      WaitQueue.Ticket joining = new WaitQueue.Ticket(me);
      if (!target.parkJoiner(joining, scheduler)) {
        return false;
      }
      ticket = joining;
      if (timeoutNanos >= 0) {
        ticket.timer = scheduler.wakeAt(me, ticket.park, scheduler.deadlineIn(timeoutNanos));
      }
      return true;
    }
  }
}
