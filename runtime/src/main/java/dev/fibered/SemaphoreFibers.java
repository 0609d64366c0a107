package dev.fibered;

import java.time.Duration;

/**
 * The machines of {@link Semaphore#acquire()} and {@link Semaphore#tryAcquire(Duration)}, written
 * by hand to the contract of generated {@code FooFibers} classes. Not meant to be called by hand.
 */
public final class SemaphoreFibers {
  private SemaphoreFibers() {}

  /**
   * The machine of {@link Semaphore#acquire()}.
   *
   * @param self the semaphore
   * @return an unstarted machine
   */
  public static Machine<Void> acquire$machine(Semaphore self) {
    return new AcquireMachine<>(self, -1);
  }

  /**
   * The machine of {@link Semaphore#tryAcquire(Duration)}.
   *
   * @param self the semaphore
   * @param timeout how long to wait at most
   * @return an unstarted machine
   */
  public static Machine<Boolean> tryAcquire$machine(Semaphore self, Duration timeout) {
    return new AcquireMachine<>(self, Math.max(0, Fiber.saturatedNanos(timeout)));
  }

  /** Takes a permit; with a timeout (not negative), returns whether it got one in time. */
  private static final class AcquireMachine<R> extends Machine<R> {
    private final Semaphore semaphore;
    private final long timeoutNanos;
    private WaitQueue.Ticket ticket;

    AcquireMachine(Semaphore semaphore, long timeoutNanos) {
      this.semaphore = receiver(semaphore);
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    protected Object resume() {
      if (ticket == null) {
        if (semaphore.tryAcquire()) {
          return outcome(true);
        }
        ticket = semaphore.park(fiber, timeoutNanos);
        return SUSPEND;
      }
      if (!ticket.granted) {
        ticket.giveUp(); // the time ran out
        return outcome(false);
      }
      return outcome(true); // a release handed this fiber its permit before waking it
    }

    private Object outcome(boolean acquired) {
      return timeoutNanos >= 0 ? Boolean.valueOf(acquired) : null;
    }

    @Override
    void abandon() {
      if (ticket != null && ticket.granted) {
        semaphore.release(); // cancelled after a release chose it: the permit goes on
      }
    }
  }
}
