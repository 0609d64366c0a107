package dev.fibered;

import java.time.Duration;

/**
 * The machines of {@link Event#await()} and {@link Event#await(Duration)}, written by hand to the
 * contract of generated {@code FooFibers} classes. Not meant to be called by hand.
 */
public final class EventFibers {
  private EventFibers() {}

  /**
   * The machine of {@link Event#await()}.
   *
   * @param self the event
   * @return an unstarted machine
   */
  public static Machine<Void> await$machine(Event self) {
    return new AwaitMachine<>(self, -1);
  }

  /**
   * The machine of {@link Event#await(Duration)}.
   *
   * @param self the event
   * @param timeout how long to wait at most
   * @return an unstarted machine
   */
  public static Machine<Boolean> await$machine(Event self, Duration timeout) {
    return new AwaitMachine<>(self, Math.max(0, Fiber.saturatedNanos(timeout)));
  }

  /** Waits for the event; with a timeout (not negative), returns whether it was set in time. */
  private static final class AwaitMachine<R> extends TicketMachine<R> {
    private final Event event;

    AwaitMachine(Event event, long timeoutNanos) {
      super(timeoutNanos);
      this.event = receiver(event);
    }

    @Override
    Object lock() {
      return event.lock();
    }

    @Override
    boolean tryNow() {
      return event.isSet();
    }

    @Override
    WaitQueue.Ticket park(long timeoutNanos) {
      return event.park(fiber, timeoutNanos);
    }
  }
}
